package com.storefrontauth.api.jwt;

import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.signing.SigningKeyRing;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * What MicroProfile JWT verifies our tokens against: our issuer ({@code auth.issuer}) as
 * {@code mp.jwt.verify.issuer}, and our own published keys as {@code mp.jwt.verify.publickey} (a JWK Set)
 * read from the {@link SigningKeyRing} at each look-up, so a rotation is honoured without a restart (the
 * verifier re-reads it after {@code publicKey.cache.ttl}, payara-mp-jwt.properties). The keys step aside
 * when an operator points the verifier at a key location: MP-JWT refuses to deploy with both set.
 */
public class JwtVerificationConfigSource implements ConfigSource {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String ISSUER = "mp.jwt.verify.issuer";
    private static final String LOCATION = "mp.jwt.verify.publickey.location";
    private static final String NO_KEYS = "{\"keys\":[]}";

    private volatile SigningKeyRing ring;
    private volatile Published last = new Published(List.of(), NO_KEYS);

    @Override
    public Set<String> getPropertyNames() {
        return locationIsSet() ? Set.of(ISSUER) : Set.of(ISSUER, PUBLIC_KEY);
    }

    @Override
    public String getValue(String propertyName) {
        if (ISSUER.equals(propertyName)) {
            // the same default as the issuer that signs (JoseAccessTokenIssuer)
            return ConfigProvider.getConfig()
                    .getOptionalValue("auth.issuer", String.class)
                    .orElse("http://localhost:8080");
        }
        if (!PUBLIC_KEY.equals(propertyName) || locationIsSet()) {
            return null;
        }
        try {
            List<SigningKey> published = ring().published();
            List<String> kids = published.stream().map(SigningKey::kid).toList();
            Published known = last;
            if (!kids.equals(known.kids())) {
                known = new Published(kids, JsonWebKeys.of(published));
                last = known;
            }
            return known.jwks();
        } catch (RuntimeException notYetDeployed) {
            // while the application deploys the ring cannot be reached yet; no token is checked before then
            return NO_KEYS;
        }
    }

    @Override
    public String getName() {
        return "storefront-auth token verification";
    }

    @Override
    public int getOrdinal() {
        // below the environment and the config files, so an operator can still give a key of their own
        return 50;
    }

    private SigningKeyRing ring() {
        SigningKeyRing known = ring;
        if (known == null) {
            known = CDI.current().select(SigningKeyRing.class).get();
            ring = known;
        }
        return known;
    }

    private static boolean locationIsSet() {
        return System.getProperty(LOCATION) != null || System.getenv("MP_JWT_VERIFY_PUBLICKEY_LOCATION") != null;
    }

    /** The key set last served, rebuilt only when the published kids change. */
    private record Published(List<String> kids, String jwks) {}
}
