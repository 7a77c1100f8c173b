package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.shared.TokenHash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Codes and what protects them. A code is kept only as HMAC-SHA256 under the server's OTP secret,
 * bound to its challenge (the same digits in two challenges hash differently); the copy that waits
 * in the outbox for delivery is sealed with AES-256-GCM under a key derived from the same secret.
 */
public final class OtpCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec macKey;
    private final SecretKeySpec sealKey;

    public OtpCodes(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the OTP secret needs at least 256 bits");
        }
        this.macKey = new SecretKeySpec(derive(secret, "otp-mac"), "HmacSHA256");
        this.sealKey = new SecretKeySpec(derive(secret, "otp-seal"), "AES");
    }

    /** {@code length} decimal digits, uniformly random, leading zeros kept. */
    public static String generate(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }

    public String hash(TokenHash challenge, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            mac.update(challenge.hex().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    /** Constant-time: how many leading digits match must not show in the time taken. */
    public boolean matches(String storedHash, TokenHash challenge, String candidate) {
        String candidateHash = hash(challenge, candidate == null ? "" : candidate);
        return MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII), candidateHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Seals a text for the outbox; {@code context} (the message id) is bound as associated data. */
    public String seal(String context, String text) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                            .put(iv)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    }

    public String open(String context, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("an outbox message cannot be opened with this server's OTP secret", e);
        }
    }

    /** A key for one purpose from the server secret: keys of different purposes never coincide. */
    static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
