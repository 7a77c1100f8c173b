package com.storefrontauth.domain.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IP address literal, parsed without ever asking DNS: forwarding headers come from clients and may
 * name any host. IPv6 clients are rate-limited by their /64, since one subscriber usually holds a whole
 * /64 and could otherwise take a fresh window with every address of it.
 */
public final class ClientAddress {

    private static final int MAX_LENGTH = 45;

    private final InetAddress address;

    private ClientAddress(InetAddress address) {
        this.address = address;
    }

    /** An IPv4 dotted quad or an IPv6 literal (no brackets, port or zone); anything else is empty. */
    public static Optional<ClientAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ':' && c != '.' && Character.digit(c, 16) < 0) {
                return Optional.empty();
            }
        }
        try {
            // in brackets the JDK parses an IPv6 literal or fails; it never resolves a name
            return Optional.of(new ClientAddress(InetAddress.getByName("[" + text + "]")));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<ClientAddress> ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            // leading zeros are refused: some parsers read them as octal
            if (part.isEmpty()
                    || part.length() > 3
                    || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        try {
            return Optional.of(new ClientAddress(InetAddress.getByAddress(bytes)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The canonical text (IPv4-mapped IPv6 addresses read as IPv4). */
    public String text() {
        return address.getHostAddress();
    }

    /** The key of this client's per-IP windows: the IPv4 address, or the IPv6 /64 it belongs to. */
    public String rateKey() {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return text();
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                    .append(':');
        }
        return prefix.append(":/64").toString();
    }

    byte[] bytes() {
        return address.getAddress();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientAddress that && address.equals(that.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
