package com.storefrontauth.domain.customer;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The guest a sign-in came from (its {@code anon_…} subject), so tokens can carry {@code anonymous_id}
 * and the storefront can merge the guest's cart. Null when the request carried no guest token. The
 * guest may be looked up only when asked for, so a refused sign-in never pays for that look-up.
 */
public final class GuestLink {

    public static final GuestLink NONE = new GuestLink((String) null);

    private final Supplier<Optional<String>> lookup;
    private Optional<String> anonymousId;

    public GuestLink(String anonymousId) {
        this.lookup = null;
        this.anonymousId = Optional.ofNullable(anonymousId);
    }

    private GuestLink(Supplier<Optional<String>> lookup) {
        this.lookup = Objects.requireNonNull(lookup);
    }

    /** A link whose guest is looked up at the first {@link #anonymousId()}, once. */
    public static GuestLink resolvedWhenUsed(Supplier<Optional<String>> lookup) {
        return new GuestLink(lookup);
    }

    public String anonymousId() {
        if (anonymousId == null) {
            anonymousId = lookup.get();
        }
        return anonymousId.orElse(null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GuestLink link && Objects.equals(anonymousId(), link.anonymousId());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(anonymousId());
    }

    @Override
    public String toString() {
        return "GuestLink[anonymousId=" + anonymousId() + "]";
    }
}
