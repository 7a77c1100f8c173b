package com.storefrontauth.domain.session;

import com.storefrontauth.domain.shared.PublicId;
import java.util.Optional;

public record SessionId(String value) {

    public static final String PREFIX = "ses_";

    public SessionId {
        PublicId.require(value, PREFIX);
    }

    public static SessionId generate() {
        return new SessionId(PublicId.generate(PREFIX));
    }

    public static Optional<SessionId> parse(String value) {
        return PublicId.isWellFormed(value, PREFIX) ? Optional.of(new SessionId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
