package com.storefrontauth.api.dialect.commerceengine;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A route of Commerce Engine's storefront auth: admitted by {@link CommerceEngineAdmission}. */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CommerceEngineRoute {}
