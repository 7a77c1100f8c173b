package com.storefrontauth.api.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Which members the body named. JSON-B binds an absent member and a {@code null} one alike; a partial update
 * (PATCH) needs to tell them apart, since a name sent as null clears it.
 */
public final class SentMembers {

    private static final String ATTRIBUTE = "storefront.sent-members";

    private SentMembers() {}

    static void remember(HttpServletRequest request, Set<String> members) {
        if (request != null) {
            request.setAttribute(ATTRIBUTE, Set.copyOf(members));
        }
    }

    public static boolean sent(HttpServletRequest request, String member) {
        return request.getAttribute(ATTRIBUTE) instanceof Set<?> members && members.contains(member);
    }
}
