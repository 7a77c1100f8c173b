package com.storefrontauth.persistence.jpa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a signing key's private half is kept at rest. With {@code auth.signing.encryption-key} set, it is
 * sealed with AES-256-GCM under SHA-256 of that setting, the key id bound as associated data (so a
 * sealed key cannot be moved to another row): {@code aesgcm:<base64 iv>:<base64 ciphertext>}. Without
 * it, {@code plain:<base64 PKCS#8>}. Plain keys stay readable after an encryption key is configured.
 */
final class PrivateKeySeal {

    static final String SETTING = "auth.signing.encryption-key";
    private static final String SEALED = "aesgcm:";
    private static final String PLAIN = "plain:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private PrivateKeySeal(SecretKey key) {
        this.key = key;
    }

    /** @param secret the configured encryption key; null or blank keeps private keys unencrypted */
    static PrivateKeySeal of(String secret) {
        if (secret == null || secret.isBlank()) {
            return new PrivateKeySeal(null);
        }
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new PrivateKeySeal(new SecretKeySpec(derived, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    boolean encrypts() {
        return key != null;
    }

    String seal(String kid, PrivateKey privateKey) {
        byte[] encoded = privateKey.getEncoded();
        if (key == null) {
            return PLAIN + Base64.getEncoder().encodeToString(encoded);
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(encoded);
            return SEALED + Base64.getEncoder().encodeToString(iv) + ":"
                    + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    }

    PrivateKey open(String kid, String stored, String keyAlgorithm) {
        byte[] pkcs8;
        if (stored.startsWith(PLAIN)) {
            pkcs8 = Base64.getDecoder().decode(stored.substring(PLAIN.length()));
        } else if (stored.startsWith(SEALED)) {
            pkcs8 = unseal(kid, stored.substring(SEALED.length()));
        } else {
            throw new IllegalStateException("Signing key " + kid + " is stored in an unknown form");
        }
        try {
            return KeyFactory.getInstance(keyAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + kid + " is not a " + keyAlgorithm + " private key", e);
        }
    }

    private byte[] unseal(String kid, String sealed) {
        if (key == null) {
            throw new IllegalStateException("Signing key " + kid + " is encrypted, but " + SETTING
                    + " is not set: configure the key it was sealed with (AUTH_SIGNING_ENCRYPTION_KEY)");
        }
        String[] parts = sealed.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalStateException("Signing key " + kid + " is not a well-formed sealed key");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(parts[0])));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(Base64.getDecoder().decode(parts[1]));
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "Signing key " + kid + " cannot be decrypted: " + SETTING + " is not the key it was sealed with",
                    e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Signing key " + kid + " is not a well-formed sealed key", e);
        }
    }
}
