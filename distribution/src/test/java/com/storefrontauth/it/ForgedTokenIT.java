package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Tokens we did not sign, signed for someone else, expired or of an ended session are refused with 401
 * unauthorized (problem+json): MicroProfile JWT verifies them, our filters add store, kind and session.
 */
class ForgedTokenIT {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Api api = Api.server();

    @Test
    void whenAlgIsNoneThenUnauthorized() throws Exception {
        SignedJWT real = SignedJWT.parse(Fixtures.adminLogin().getString("access_token"));
        String header = B64.encodeToString(("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\""
                        + real.getHeader().getKeyID() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String forged = header + "." + real.getPayload().toBase64URL() + ".";
        assertProblem(api.bearer(forged).get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenHs256IsKeyedWithOurPublicKeyThenUnauthorized() throws Exception {
        SignedJWT real = SignedJWT.parse(Fixtures.adminLogin().getString("access_token"));
        JWKSet jwks = JWKSet.parse(api.get("/.well-known/jwks.json").body());
        RSAKey publicKey = (RSAKey) jwks.getKeyByKeyId(real.getHeader().getKeyID());
        byte[] secret = publicKey.toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(real.getHeader().getKeyID())
                        .build(),
                real.getJWTClaimsSet());
        forged.sign(new MACSigner(secret));
        assertProblem(api.bearer(forged.serialize()).get("/api/v1/stores"), 401, "unauthorized");
        SignedJWT pem = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(real.getHeader().getKeyID())
                        .build(),
                real.getJWTClaimsSet());
        pem.sign(new MACSigner(publicKey.toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertProblem(api.bearer(pem.serialize()).get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenPayloadIsTamperedThenUnauthorized() throws Exception {
        String guest = Fixtures.newStore().guest().getString("access_token");
        String[] parts = guest.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"anonymous\"", "\"platform_admin\"");
        String tampered =
                parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertProblem(api.bearer(tampered).get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenSignedByUnknownKeyThenUnauthorized() throws Exception {
        SignedJWT real = SignedJWT.parse(Fixtures.adminLogin().getString("access_token"));
        RSAKey attacker =
                new RSAKeyGenerator(2048).keyID("sig_attackerattackerattacker").generate();
        for (String kid : new String[] {attacker.getKeyID(), real.getHeader().getKeyID()}) {
            SignedJWT forged = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(JOSEObjectType.JWT)
                            .keyID(kid)
                            .build(),
                    real.getJWTClaimsSet());
            forged.sign(new RSASSASigner(attacker));
            assertProblem(api.bearer(forged.serialize()).get("/api/v1/stores"), 401, "unauthorized");
        }
    }

    @Test
    void whenEcdsaSignatureIsAllZeroThenUnauthorized() throws Exception {
        SignedJWT real = SignedJWT.parse(Fixtures.adminLogin().getString("access_token"));
        String header = B64.encodeToString(("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\""
                        + real.getHeader().getKeyID() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String forged = header + "." + real.getPayload().toBase64URL() + "." + B64.encodeToString(new byte[64]);
        assertProblem(api.bearer(forged).get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenTokenIsGarbageThenUnauthorized() {
        for (String token : new String[] {"x", "a.b.c", "eyJhbGciOiJSUzI1NiJ9..", "Bearer", "x".repeat(7000)}) {
            assertProblem(api.bearer(token).get("/api/v1/stores"), 401, "unauthorized");
        }
        assertProblem(api.with("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenAnotherStoresTokenIsUsedThenRefused() {
        StoreFixture a = Fixtures.newStore();
        StoreFixture b = Fixtures.newStore();
        String tokenOfA = a.guest().getString("access_token");
        assertProblem(b.storefront().bearer(tokenOfA).post(b.path("/auth/logout")), 401, "unauthorized");
        assertThat(a.storefront().bearer(tokenOfA).post(a.path("/auth/logout")).status())
                .isEqualTo(204);
    }

    @Test
    void whenACustomerRouteGetsAForgedTokenThenMpJwtRefusesItAsProblemJson() throws Exception {
        StoreFixture store = Fixtures.newStore();
        String customer = signedInCustomer(store);
        SignedJWT real = SignedJWT.parse(customer);
        String none = B64.encodeToString(("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\""
                                + real.getHeader().getKeyID() + "\"}")
                        .getBytes(StandardCharsets.UTF_8))
                + "." + real.getPayload().toBase64URL() + ".";
        RSAKey attacker =
                new RSAKeyGenerator(2048).keyID("sig_unknownunknownunknown").generate();
        SignedJWT unknownKid = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(attacker.getKeyID())
                        .build(),
                real.getJWTClaimsSet());
        unknownKid.sign(new RSASSASigner(attacker));

        assertThat(store.storefront()
                        .bearer(customer)
                        .get(store.path("/customers/me"))
                        .status())
                .isEqualTo(200);
        assertProblem(store.storefront().bearer(none).get(store.path("/customers/me")), 401, "unauthorized");
        assertProblem(
                store.storefront().bearer(unknownKid.serialize()).get(store.path("/customers/me")),
                401,
                "unauthorized");
    }

    @Test
    void whenACustomerTokenOfAnotherStoreOrAGuestTokenIsSentToCustomersMeThenUnauthorized() {
        StoreFixture a = Fixtures.newStore();
        StoreFixture b = Fixtures.newStore();
        String customerOfA = signedInCustomer(a);
        assertProblem(b.storefront().bearer(customerOfA).get(b.path("/customers/me")), 401, "unauthorized");
        String guestOfA = a.guest().getString("access_token");
        assertProblem(a.storefront().bearer(guestOfA).get(a.path("/customers/me")), 401, "unauthorized");
        assertThat(a.storefront()
                        .bearer(customerOfA)
                        .get(a.path("/customers/me"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whenTheSessionIsRevokedThenItsUnexpiredCustomerTokenIsRefused() {
        StoreFixture store = Fixtures.newStore();
        String customer = signedInCustomer(store);
        assertThat(store.storefront()
                        .bearer(customer)
                        .post(store.path("/auth/logout"))
                        .status())
                .isEqualTo(204);
        assertProblem(store.storefront().bearer(customer).get(store.path("/customers/me")), 401, "unauthorized");
    }

    @Test
    void whenTheAccessTokenHasExpiredThenUnauthorized() throws Exception {
        StoreFixture store = Fixtures.newStore();
        store.policy("access_token_ttl_seconds", 60);
        String customer = signedInCustomer(store);
        long expiresAt =
                SignedJWT.parse(customer).getJWTClaimsSet().getExpirationTime().getTime();
        assertThat(store.storefront()
                        .bearer(customer)
                        .get(store.path("/customers/me"))
                        .status())
                .isEqualTo(200);
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1500);
        assertProblem(store.storefront().bearer(customer).get(store.path("/customers/me")), 401, "unauthorized");
    }

    @Test
    void whenASignInCarriesAnInvalidGuestTokenThenItSucceedsWithoutTheGuestLink() throws Exception {
        StoreFixture store = Fixtures.newStore();
        String email = CustomerSignInIT.unique("guestless") + "@example.com";
        assertThat(CustomerSignInIT.register(store, email).status()).isEqualTo(200);
        Reply login = store.storefront()
                .bearer("not.a.token")
                .post(store.path("/auth/login"), Api.json("email", email, "password", CustomerSignInIT.PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(SignedJWT.parse(login.string("access_token"))
                        .getJWTClaimsSet()
                        .getClaim("anonymous_id"))
                .isNull();
    }

    private static String signedInCustomer(StoreFixture store) {
        Reply registered = CustomerSignInIT.register(store, CustomerSignInIT.unique("mpjwt") + "@example.com");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        return registered.string("access_token");
    }
}
