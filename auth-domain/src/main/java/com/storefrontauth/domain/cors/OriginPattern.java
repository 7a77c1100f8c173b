package com.storefrontauth.domain.cors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An allowed browser origin: {@code scheme://host[:port]}, or {@code https://*.example.com}, which
 * matches any subdomain of example.com (not example.com itself). Default ports are dropped so that
 * {@code https://shop.example:443} and {@code https://shop.example} are one origin.
 */
public final class OriginPattern {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final int MAX_LENGTH = 300;

    private final String scheme;
    private final String host;
    private final int port;
    private final boolean wildcard;

    private OriginPattern(String scheme, String host, int port, boolean wildcard) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.wildcard = wildcard;
    }

    /** An allow-list entry as a merchant writes it; empty when it is not an origin we accept. */
    public static Optional<OriginPattern> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        boolean wildcard = value.contains("://*.");
        String candidate = wildcard ? value.replaceFirst("://\\*\\.", "://wildcard.") : value;
        return parseOrigin(candidate)
                .filter(origin -> !wildcard || origin.host.split("\\.").length >= 3)
                .map(origin -> wildcard
                        ? new OriginPattern(
                                origin.scheme, origin.host.substring("wildcard.".length()), origin.port, true)
                        : origin);
    }

    /** The {@code Origin} header of a request; empty when malformed (it then matches nothing). */
    public static Optional<OriginPattern> parseRequestOrigin(String value) {
        if (value == null || value.contains("*")) {
            return Optional.empty();
        }
        return parseOrigin(value);
    }

    private static Optional<OriginPattern> parseOrigin(String value) {
        if (value.length() > MAX_LENGTH
                || !value.equals(value.strip())
                || value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!isValidHost(host)) {
            return Optional.empty();
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            return Optional.empty();
        }
        if (port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80)) {
            port = -1;
        }
        return Optional.of(new OriginPattern(scheme, host, port, false));
    }

    private static boolean isValidHost(String host) {
        if (IPV6.matcher(host).matches()) {
            return true;
        }
        if (host.length() > 253 || host.endsWith(".")) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a request origin is allowed by this entry. */
    public boolean matches(OriginPattern requestOrigin) {
        if (requestOrigin.wildcard || !scheme.equals(requestOrigin.scheme) || port != requestOrigin.port) {
            return false;
        }
        if (!wildcard) {
            return host.equals(requestOrigin.host);
        }
        return requestOrigin.host.endsWith("." + host) && requestOrigin.host.length() > host.length() + 1;
    }

    /** Whether this entry stands for many origins ({@code https://*.example.com}), so no link can point at it. */
    public boolean isWildcard() {
        return wildcard;
    }

    /** The canonical text, as stored and shown. */
    @Override
    public String toString() {
        return scheme + "://" + (wildcard ? "*." : "") + host + (port == -1 ? "" : ":" + port);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OriginPattern that && that.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
