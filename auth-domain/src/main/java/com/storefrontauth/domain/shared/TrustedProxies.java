package com.storefrontauth.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The proxies whose word on the client's address is taken ({@code auth.http.trusted-proxies}, a CIDR
 * list). Only when the direct peer is one of them do {@code Forwarded} (RFC 7239) and
 * {@code X-Forwarded-For} count, and then only their rightmost hop that is not itself a trusted proxy:
 * every entry left of it was written by the client and proves nothing. A header that cannot be read
 * leaves the peer's address, and so do the two headers when they disagree: a proxy that writes one of
 * them passes the other through from the client untouched.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** A comma-separated list of CIDRs or single addresses; blank trusts nobody. */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : list.split(",", -1)) {
            ranges.add(Range.parse(entry.strip()));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    public boolean trusts(ClientAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * The client's address: {@code peer} itself, or, when the peer is a trusted proxy, the client the
     * forwarding headers name (each list holds the header's lines in the order received).
     */
    public String client(String peer, List<String> forwarded, List<String> forwardedFor) {
        if (ranges.isEmpty()) {
            return peer;
        }
        Optional<ClientAddress> direct = ClientAddress.parse(peer);
        if (direct.isEmpty() || !trusts(direct.get())) {
            return peer;
        }
        List<String> forwardedHops = present(forwarded) ? forwardedHops(String.join(",", forwarded)) : null;
        List<String> forwardedForHops = present(forwardedFor) ? forwardedForHops(String.join(",", forwardedFor)) : null;
        if (forwardedHops == null && forwardedForHops == null) {
            return peer;
        }
        Optional<ClientAddress> fromForwarded =
                forwardedHops == null ? Optional.empty() : rightmostUntrusted(forwardedHops);
        Optional<ClientAddress> fromForwardedFor =
                forwardedForHops == null ? Optional.empty() : rightmostUntrusted(forwardedForHops);
        if (forwardedHops != null && forwardedForHops != null && !fromForwarded.equals(fromForwardedFor)) {
            return peer;
        }
        return fromForwarded.or(() -> fromForwardedFor).map(ClientAddress::text).orElse(peer);
    }

    private static boolean present(List<String> lines) {
        return lines != null && lines.stream().anyMatch(line -> line != null && !line.isBlank());
    }

    /** Empty when a hop that had to be read is not an address ({@code unknown}, obfuscated, garbage). */
    private Optional<ClientAddress> rightmostUntrusted(List<String> hops) {
        ClientAddress hop = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<ClientAddress> parsed = ClientAddress.parse(withoutPort(hops.get(i)));
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            hop = parsed.get();
            if (!trusts(hop)) {
                return parsed;
            }
        }
        // every hop is a trusted proxy: the leftmost is the closest thing to a client
        return Optional.ofNullable(hop);
    }

    private static List<String> forwardedForHops(String header) {
        List<String> hops = new ArrayList<>();
        for (String hop : header.split(",", -1)) {
            hops.add(hop.strip());
        }
        return hops;
    }

    /** The {@code for} node of every element of a Forwarded header; an element without one reads as garbage. */
    private static List<String> forwardedHops(String header) {
        List<String> elements = splitOutsideQuotes(header, ',');
        if (elements == null) {
            return List.of("");
        }
        List<String> hops = new ArrayList<>();
        for (String element : elements) {
            String node = "";
            List<String> pairs = splitOutsideQuotes(element, ';');
            for (String pair : pairs) {
                int equals = pair.indexOf('=');
                if (equals > 0
                        && pair.substring(0, equals)
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .equals("for")) {
                    node = unquote(pair.substring(equals + 1).strip());
                }
            }
            hops.add(node);
        }
        return hops;
    }

    /** Null when a quoted string is left open. */
    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (quoted && c == '\\') {
                escaped = true;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        if (quoted) {
            return null;
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            text.append(c);
        }
        return text.toString();
    }

    /** {@code [v6]:port} and {@code v4:port} lose the port; a bare IPv6 literal is left as it is. */
    private static String withoutPort(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            if (end < 0 || (end + 1 < node.length() && node.charAt(end + 1) != ':')) {
                return "";
            }
            return node.substring(1, end);
        }
        int colon = node.indexOf(':');
        return colon >= 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
    }

    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = ClientAddress.parse(address)
                    .orElseThrow(() -> notCidr(entry))
                    .bytes();
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw notCidr(entry);
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw notCidr(entry);
                }
            }
            return new Range(network, prefix);
        }

        private static IllegalArgumentException notCidr(String entry) {
            return new IllegalArgumentException("auth.http.trusted-proxies: not an address or CIDR: '" + entry + "'");
        }

        boolean contains(ClientAddress address) {
            byte[] bytes = address.bytes();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
