package com.storefrontauth.api;

import com.storefrontauth.api.dialect.commerceengine.CommerceEngineAdmission;
import com.storefrontauth.api.dialect.commerceengine.CommerceEngineAuthResource;
import com.storefrontauth.api.dialect.commerceengine.CommerceEngineErrors;
import com.storefrontauth.api.dialect.commerceengine.CommerceEngineUserResource;
import com.storefrontauth.api.dialect.luxmart.LuxmartAccountResource;
import com.storefrontauth.api.dialect.luxmart.LuxmartErrors;
import com.storefrontauth.api.dialect.luxmart.LuxmartRoutes;
import com.storefrontauth.api.dialect.scalev.ScalevAdmission;
import com.storefrontauth.api.dialect.scalev.ScalevAuthResource;
import com.storefrontauth.api.dialect.scalev.ScalevCustomerResource;
import com.storefrontauth.api.dialect.scalev.ScalevErrors;
import com.storefrontauth.api.error.ConstraintViolationMapper;
import com.storefrontauth.api.error.DomainExceptionMapper;
import com.storefrontauth.api.error.UnexpectedExceptionMapper;
import com.storefrontauth.api.error.WebApplicationExceptionMapper;
import com.storefrontauth.api.http.JsonBinding;
import com.storefrontauth.api.http.RequestBodyReader;
import com.storefrontauth.api.http.RequestLimits;
import com.storefrontauth.api.http.ResponseHeaders;
import com.storefrontauth.api.resource.account.MerchantAccountResource;
import com.storefrontauth.api.resource.management.ApiKeyResource;
import com.storefrontauth.api.resource.management.AuditEventResource;
import com.storefrontauth.api.resource.management.CorsOriginResource;
import com.storefrontauth.api.resource.management.CustomerAdminResource;
import com.storefrontauth.api.resource.management.LoginPolicyResource;
import com.storefrontauth.api.resource.management.OutboxResource;
import com.storefrontauth.api.resource.management.SessionAdminResource;
import com.storefrontauth.api.resource.management.StoreResource;
import com.storefrontauth.api.resource.platform.AccountAdminResource;
import com.storefrontauth.api.resource.platform.PlatformSettingsResource;
import com.storefrontauth.api.resource.platform.SigningKeyResource;
import com.storefrontauth.api.resource.storefront.CustomerResource;
import com.storefrontauth.api.resource.storefront.StorefrontAuthResource;
import com.storefrontauth.api.resource.storefront.StorefrontOtpResource;
import com.storefrontauth.api.security.CorsPreflight;
import com.storefrontauth.api.security.CustomerAuthentication;
import com.storefrontauth.api.security.CustomerCodeRateLimit;
import com.storefrontauth.api.security.ManagementAuthentication;
import com.storefrontauth.api.security.PublicRouteRateLimit;
import com.storefrontauth.api.security.Roles;
import com.storefrontauth.api.security.StorefrontAdmission;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The HTTP API under {@code /api}. Classes are listed rather than scanned so that what is exposed is
 * exactly what is reviewed here. Bearer tokens are verified by MicroProfile JWT (issuer and keys: see
 * {@code JwtVerificationConfigSource} and microprofile-config.properties); secret keys by
 * {@code SecretKeyIdentityStore}. {@code @ApplicationScoped} because Payara looks for {@code @LoginConfig}
 * on CDI beans only, and this archive discovers annotated beans only.
 */
@ApplicationPath("api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.CUSTOMER, Roles.GUEST, Roles.MERCHANT, Roles.PLATFORM_ADMIN, Roles.SECRET_KEY})
public class AuthApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                RequestLimits.class,
                ResponseHeaders.class,
                CorsPreflight.class,
                StorefrontAdmission.class,
                ManagementAuthentication.class,
                JsonBinding.class,
                RequestBodyReader.class,
                ConstraintViolationMapper.class,
                DomainExceptionMapper.class,
                WebApplicationExceptionMapper.class,
                UnexpectedExceptionMapper.class,
                StorefrontAuthResource.class,
                StorefrontOtpResource.class,
                OutboxResource.class,
                CustomerResource.class,
                CustomerAdminResource.class,
                SessionAdminResource.class,
                PublicRouteRateLimit.class,
                CustomerAuthentication.class,
                CustomerCodeRateLimit.class,
                MerchantAccountResource.class,
                CommerceEngineAdmission.class,
                CommerceEngineErrors.class,
                CommerceEngineAuthResource.class,
                CommerceEngineUserResource.class,
                LuxmartRoutes.class,
                LuxmartErrors.class,
                LuxmartAccountResource.class,
                ScalevAdmission.class,
                ScalevErrors.class,
                ScalevAuthResource.class,
                ScalevCustomerResource.class,
                StoreResource.class,
                LoginPolicyResource.class,
                ApiKeyResource.class,
                CorsOriginResource.class,
                AuditEventResource.class,
                AccountAdminResource.class,
                SigningKeyResource.class,
                PlatformSettingsResource.class);
    }
}
