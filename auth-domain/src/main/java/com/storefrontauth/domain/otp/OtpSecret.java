package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.platform.PlatformSettings;
import com.storefrontauth.domain.session.RefreshSuccessors;
import com.storefrontauth.domain.shared.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server secret behind {@link OtpCodes} and {@link RefreshSuccessors}: {@code auth.otp.secret} when configured (keep it out of
 * the database so a database dump alone cannot test codes), else a random secret generated once and
 * shared through the platform settings by every instance.
 */
@ApplicationScoped
public class OtpSecret {

    static final String SETTING = "otp_secret";

    @Inject
    PlatformSettings settings;

    @Inject
    Transactions transactions;

    @Inject
    @ConfigProperty(name = "auth.otp.secret")
    Optional<String> configured;

    /** One instance, not proxied ({@link OtpCodes} is a final value class). */
    @Produces
    @Singleton
    OtpCodes codes() {
        return new OtpCodes(secret());
    }

    /**
     * The key refresh-token successors are derived with: from the same secret, so every instance derives
     * the same successor, and a database dump alone cannot (when the secret is configured).
     */
    @Produces
    @Singleton
    RefreshSuccessors refreshSuccessors() {
        return new RefreshSuccessors(OtpCodes.derive(secret(), "refresh-successor"));
    }

    private byte[] secret() {
        Optional<String> fromConfig = configured.filter(value -> !value.isBlank());
        return fromConfig.isPresent()
                ? sha256(fromConfig.get())
                : HexFormat.of().parseHex(stored());
    }

    private String stored() {
        Optional<String> existing = transactions.required(() -> settings.get(SETTING));
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            transactions.independent(() -> settings.put(SETTING, HexFormat.of().formatHex(fresh)));
        } catch (RuntimeException lostTheRace) {
            // another instance stored its secret first; every instance uses that one
        }
        return transactions.required(() -> settings.get(SETTING)).orElseThrow();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
