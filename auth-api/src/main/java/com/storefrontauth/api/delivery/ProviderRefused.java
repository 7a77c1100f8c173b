package com.storefrontauth.api.delivery;

/** A provider did not take the message; its text is safe to log. */
final class ProviderRefused extends RuntimeException {

    ProviderRefused(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
