package com.storefrontauth.api.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A webhook URL carries codes, so it must be https; plain http is allowed only to this host (a provider
 * relay on the same machine, the tests' receiver), named as {@code localhost} or a loopback address.
 * Host names are not resolved: a name that merely points at 127.0.0.1 could point elsewhere tomorrow.
 */
final class WebhookUrl {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private WebhookUrl() {}

    /** Why the URL in {@code setting} must not be used, if it must not. */
    static Optional<String> refusal(String setting, String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of(setting + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of(setting + " must be an https:// URL with a host");
        }
        if (scheme.equals("http") && !loopback(host)) {
            return Optional.of(setting + " must use https:// (plain http:// is allowed only to localhost or a"
                    + " loopback address): codes would cross the network in clear to " + host);
        }
        return Optional.empty();
    }

    private static boolean loopback(String host) {
        return host.equals("localhost")
                || host.equals("[::1]")
                || LOOPBACK_V4.matcher(host).matches();
    }
}
