package com.storefrontauth.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, 2001:db8:ffff::/48");

    private static String client(String peer, List<String> forwarded, List<String> forwardedFor) {
        return PROXIES.client(peer, forwarded, forwardedFor);
    }

    @Test
    void clientWhenPeerIsNotTrustedThenHeadersAreIgnored() {
        assertThat(client("203.0.113.9", List.of("for=198.51.100.1"), List.of("198.51.100.1")))
                .isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.NONE.client("10.1.1.1", List.of(), List.of("198.51.100.1")))
                .isEqualTo("10.1.1.1");
        assertThat(TrustedProxies.parse(" ").client("10.1.1.1", List.of(), List.of("198.51.100.1")))
                .isEqualTo("10.1.1.1");
    }

    @Test
    void clientWhenForwardedForChainThenRightmostUntrustedHop() {
        assertThat(client("10.0.0.2", List.of(), List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(client("10.0.0.2", List.of(), List.of("198.51.100.1, 10.3.4.5, 192.0.2.7")))
                .isEqualTo("198.51.100.1");
        // several header lines read as one list, in order
        assertThat(client("10.0.0.2", List.of(), List.of("198.51.100.1", "10.3.4.5")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void clientWhenLeftmostEntriesAreSpoofedThenTheyAreIgnored() {
        // the client wrote "1.2.3.4, 10.0.0.1"; the proxy appended the address it saw
        assertThat(client("10.0.0.2", List.of(), List.of("1.2.3.4, 10.0.0.1, 198.51.100.1")))
                .isEqualTo("198.51.100.1");
        assertThat(client("10.0.0.2", List.of(), List.of("garbage, 198.51.100.1")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void clientWhenForwardedHeaderThenForNodesWithQuotedIpv6AndPorts() {
        assertThat(client("10.0.0.2", List.of("for=198.51.100.1;proto=https;by=10.0.0.2"), List.of()))
                .isEqualTo("198.51.100.1");
        assertThat(client("10.0.0.2", List.of("For=\"[2001:db8:cafe::17]:4711\""), List.of()))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(client("10.0.0.2", List.of("for=\"198.51.100.1:8443\", for=10.9.9.9"), List.of()))
                .isEqualTo("198.51.100.1");
        assertThat(client("10.0.0.2", List.of("for=1.2.3.4", "for=\"[2001:db8::1]\";proto=http"), List.of()))
                .isEqualTo("2001:db8:0:0:0:0:0:1");
        // a quoted ',' or ';' does not split the element
        assertThat(client("10.0.0.2", List.of("for=198.51.100.1;host=\"a,b;c\""), List.of()))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void clientWhenHeadersAreMalformedThenPeer() {
        for (String bad : List.of(
                "for=unknown",
                "for=_hidden",
                "for=\"[2001:db8::1\"",
                "for=\"198.51.100.1",
                "proto=https",
                "for=example.com",
                "for=01.2.3.4",
                "for=256.1.1.1",
                "for=\"[fe80::1%eth0]\"",
                "")) {
            assertThat(client("10.0.0.2", List.of(bad), List.of())).as(bad).isEqualTo("10.0.0.2");
        }
        for (String bad : List.of("localhost", "198.51.100.1,", "::ffff:zz", "1.2.3", "x".repeat(5000))) {
            assertThat(client("10.0.0.2", List.of(), List.of(bad))).as(bad).isEqualTo("10.0.0.2");
        }
    }

    @Test
    void clientWhenBothHeadersDisagreeThenPeer() {
        // a proxy that appends to X-Forwarded-For passes a client's Forwarded header through untouched
        assertThat(client("10.0.0.2", List.of("for=1.2.3.4"), List.of("198.51.100.1")))
                .isEqualTo("10.0.0.2");
        assertThat(client("10.0.0.2", List.of("for=198.51.100.1"), List.of("198.51.100.1")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void clientWhenEveryHopIsTrustedThenLeftmost() {
        assertThat(client("10.0.0.2", List.of(), List.of("10.0.0.9, 10.0.0.8"))).isEqualTo("10.0.0.9");
    }

    @Test
    void trustsWhenIpv6RangeThenPrefixBitsCompared() {
        assertThat(PROXIES.trusts(ClientAddress.parse("2001:db8:ffff:1::1").orElseThrow()))
                .isTrue();
        assertThat(PROXIES.trusts(ClientAddress.parse("2001:db8:fffe::1").orElseThrow()))
                .isFalse();
        assertThat(PROXIES.trusts(ClientAddress.parse("192.0.2.8").orElseThrow()))
                .isFalse();
        assertThat(TrustedProxies.parse("10.128.0.0/9")
                        .trusts(ClientAddress.parse("10.200.0.1").orElseThrow()))
                .isTrue();
        assertThat(TrustedProxies.parse("10.128.0.0/9")
                        .trusts(ClientAddress.parse("10.100.0.1").orElseThrow()))
                .isFalse();
        assertThat(TrustedProxies.parse("::1/128, 127.0.0.1/32")
                        .trusts(ClientAddress.parse("::1").orElseThrow()))
                .isTrue();
        assertThat(TrustedProxies.parse("0.0.0.0/0")
                        .trusts(ClientAddress.parse("::1").orElseThrow()))
                .isFalse();
    }

    @Test
    void parseWhenEntryIsNotCidrThenRefusedNamingIt() {
        for (String bad : List.of("10.0.0.0/33", "10.0.0.0/x", "proxy.internal", "10.0.0.0/8,,", "::1/129")) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("auth.http.trusted-proxies");
        }
    }

    @Test
    void rateKeyWhenIpv6ThenItsSlash64() {
        assertThat(ClientAddress.parse("2001:db8:1:2:aaaa::1").orElseThrow().rateKey())
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.parse("2001:db8:1:2:bbbb::9").orElseThrow().rateKey())
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.parse("2001:db8:1:3::1").orElseThrow().rateKey())
                .isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddress.parse("198.51.100.1").orElseThrow().rateKey()).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.parse("::ffff:198.51.100.1").orElseThrow().rateKey())
                .isEqualTo("198.51.100.1");
    }
}
