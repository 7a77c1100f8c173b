package com.storefrontauth.api.dialect.scalev;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A route of the Scalev v3 dialect: admitted by {@link ScalevAdmission} instead of the v1 storefront gate. */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ScalevRoute {}
