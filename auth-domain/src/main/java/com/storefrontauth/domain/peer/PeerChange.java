package com.storefrontauth.domain.peer;

import java.util.Optional;

/**
 * Something this instance changed that the other instances hold in memory. Told to them as soon as the
 * change has committed, so they drop or re-read it at once instead of at their next poll; the polls stay,
 * as the safety net for an instance that did not hear.
 */
public record PeerChange(Kind kind, String subject) {

    public enum Kind {
        /** Sessions were revoked: read the revocations now. */
        SESSIONS_REVOKED,
        /** A store's settings, policy or allowed origins changed (subject: the store id). */
        STORE_CHANGED,
        PLATFORM_LIMITS_CHANGED,
        SIGNING_KEYS_ROTATED
    }

    private static final String SEPARATOR = ":";

    public static PeerChange of(Kind kind) {
        return new PeerChange(kind, "");
    }

    /** The plain-text form that travels between instances (no classes of ours on the wire). */
    public String encoded() {
        return kind.name() + SEPARATOR + subject;
    }

    /** Empty for text that is no change of this version (a newer instance's, or garbage). */
    public static Optional<PeerChange> decode(String text) {
        int separator = text.indexOf(SEPARATOR);
        if (separator < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new PeerChange(Kind.valueOf(text.substring(0, separator)), text.substring(separator + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
