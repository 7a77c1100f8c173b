package com.storefrontauth.domain.credential;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, unpadded
 * Base64), so the parameters travel with the hash and can be raised later.
 */
record Argon2Hash(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    static Optional<Argon2Hash> parse(String phc) {
        Matcher match = phc == null ? null : PHC.matcher(phc);
        if (match == null || !match.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Argon2Hash(
                Integer.parseInt(match.group(1)),
                Integer.parseInt(match.group(2)),
                Integer.parseInt(match.group(3)),
                DECODER.decode(match.group(4)),
                DECODER.decode(match.group(5))));
    }

    boolean hasCost(int memory, int iterationCount, int lanes) {
        return memoryKib == memory && iterations == iterationCount && parallelism == lanes;
    }

    String phc() {
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }
}
