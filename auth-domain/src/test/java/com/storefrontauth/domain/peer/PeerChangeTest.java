package com.storefrontauth.domain.peer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerChangeTest {

    @Test
    void whenEncodedThenDecodedThenTheSameChangeWithItsSubject() {
        PeerChange change = new PeerChange(PeerChange.Kind.STORE_CHANGED, "st_01HZX");
        assertThat(PeerChange.decode(change.encoded())).contains(change);
        assertThat(PeerChange.decode(
                        PeerChange.of(PeerChange.Kind.SESSIONS_REVOKED).encoded()))
                .contains(PeerChange.of(PeerChange.Kind.SESSIONS_REVOKED));
    }

    @Test
    void whenTheTextIsNoChangeOfThisVersionThenItIsIgnored() {
        assertThat(PeerChange.decode("KEYS_FROM_THE_FUTURE:x")).isEmpty();
        assertThat(PeerChange.decode("garbage")).isEmpty();
    }
}
