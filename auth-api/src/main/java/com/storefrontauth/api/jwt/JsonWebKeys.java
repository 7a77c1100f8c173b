package com.storefrontauth.api.jwt;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.storefrontauth.domain.signing.SigningAlgorithm;
import com.storefrontauth.domain.signing.SigningKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/** The public half of signing keys as a JWK Set (RFC 7517): what merchants and MP-JWT verify with. */
public final class JsonWebKeys {

    private JsonWebKeys() {}

    public static String of(List<SigningKey> keys) {
        return new JWKSet(keys.stream().map(JsonWebKeys::publicJwk).toList()).toString(true);
    }

    private static JWK publicJwk(SigningKey key) {
        if (key.algorithm() == SigningAlgorithm.ES256) {
            return new ECKey.Builder(Curve.P_256, (ECPublicKey) key.publicKey())
                    .keyID(key.kid())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JoseAccessTokenIssuer.jwsAlgorithm(key.algorithm()))
                    .build();
        }
        return new RSAKey.Builder((RSAPublicKey) key.publicKey())
                .keyID(key.kid())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JoseAccessTokenIssuer.jwsAlgorithm(key.algorithm()))
                .build();
    }
}
