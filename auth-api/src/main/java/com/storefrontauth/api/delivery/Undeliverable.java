package com.storefrontauth.api.delivery;

/**
 * The message can never be delivered (a malformed or refused address). It does not count against
 * the provider's circuit breaker, so hostile addresses cannot take a channel down for everyone.
 */
final class Undeliverable extends RuntimeException {

    Undeliverable(String reason) {
        super(reason, null, false, false);
    }
}
