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
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Tokens we did not sign, or signed for someone else, are refused with 401 unauthorized. */
class ForgedTokenIT {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Api api = Api.server();

    @Test
    void whenAlgIsNoneThenUnauthorized() throws Exception {
        SignedJWT real = SignedJWT.parse(Fixtures.adminLogin().getString("access_token"));
        String header = B64.encodeToString(("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\""
                + real.getHeader().getKeyID() + "\"}").getBytes(StandardCharsets.UTF_8));
        String forged = header + "." + real.getPayload().toBase64URL() + ".";
        assertProblem(api.bearer(forged).get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenHs256IsKeyedWithOurPublicKeyThenUnauthorized() throws Exception {
        SignedJWT real = SignedJWT.parse(Fixtures.adminLogin().getString("access_token"));
        JWKSet jwks = JWKSet.parse(api.get("/.well-known/jwks.json").body());
        RSAKey publicKey = (RSAKey) jwks.getKeyByKeyId(real.getHeader().getKeyID());
        byte[] secret = publicKey.toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(real.getHeader().getKeyID()).build(), real.getJWTClaimsSet());
        forged.sign(new MACSigner(secret));
        assertProblem(api.bearer(forged.serialize()).get("/api/v1/stores"), 401, "unauthorized");
        SignedJWT pem = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(real.getHeader().getKeyID()).build(), real.getJWTClaimsSet());
        pem.sign(new MACSigner(publicKey.toJSONString().getBytes(StandardCharsets.UTF_8)));
        assertProblem(api.bearer(pem.serialize()).get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenPayloadIsTamperedThenUnauthorized() throws Exception {
        String guest = Fixtures.newStore().guest().getString("access_token");
        String[] parts = guest.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"anonymous\"", "\"platform_admin\"");
        String tampered = parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertProblem(api.bearer(tampered).get("/api/v1/stores"), 401, "unauthorized");
    }

    @Test
    void whenSignedByUnknownKeyThenUnauthorized() throws Exception {
        SignedJWT real = SignedJWT.parse(Fixtures.adminLogin().getString("access_token"));
        RSAKey attacker = new RSAKeyGenerator(2048).keyID("sig_attackerattackerattacker").generate();
        for (String kid : new String[] {attacker.getKeyID(), real.getHeader().getKeyID()}) {
            SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(kid).build(), real.getJWTClaimsSet());
            forged.sign(new RSASSASigner(attacker));
            assertProblem(api.bearer(forged.serialize()).get("/api/v1/stores"), 401, "unauthorized");
        }
    }

    @Test
    void whenEcdsaSignatureIsAllZeroThenUnauthorized() throws Exception {
        SignedJWT real = SignedJWT.parse(Fixtures.adminLogin().getString("access_token"));
        String header = B64.encodeToString(("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\""
                + real.getHeader().getKeyID() + "\"}").getBytes(StandardCharsets.UTF_8));
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
        assertThat(a.storefront().bearer(tokenOfA).post(a.path("/auth/logout")).status()).isEqualTo(204);
    }
}
