package com.storefrontauth.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.storefrontauth.domain.peer.PeerChange;
import com.storefrontauth.domain.peer.PeerChanges;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GridPeerChannelTest {

    private static TwoMemberGrid grid;

    @BeforeAll
    static void startGrid() {
        grid = new TwoMemberGrid();
    }

    @AfterAll
    static void stopGrid() {
        grid.close();
    }

    @Test
    void whenOneInstancePublishesAChangeThenTheOtherHearsItAndThePublisherDoesNot() throws Exception {
        List<PeerChange> heardHere = new CopyOnWriteArrayList<>();
        List<PeerChange> heardThere = new CopyOnWriteArrayList<>();
        GridPeerChannel here = channel(grid.first, heardHere);
        GridPeerChannel there = channel(grid.second, heardThere);
        PeerChange change = new PeerChange(PeerChange.Kind.STORE_CHANGED, "st_01HZX");

        long start = System.nanoTime();
        here.publish(change);
        while (heardThere.isEmpty() && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(1);
        }

        assertThat(heardThere).containsExactly(change);
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until heard").isLessThan(200);
        Thread.sleep(200);
        assertThat(heardHere).as("its own change comes back and is skipped").isEmpty();
        there.publish(PeerChange.of(PeerChange.Kind.SESSIONS_REVOKED));
        Thread.sleep(200);
        assertThat(heardHere).containsExactly(PeerChange.of(PeerChange.Kind.SESSIONS_REVOKED));
    }

    @Test
    void whenAloneThenPublishingTellsNobodyAndFailsNothing() {
        GridPeerChannel alone = new GridPeerChannel();
        alone.grid = new DataGrid();
        alone.publish(PeerChange.of(PeerChange.Kind.PLATFORM_LIMITS_CHANGED));
        assertThat(alone.grid.memberCount()).isEqualTo(1);
    }

    private static GridPeerChannel channel(HazelcastInstance member, List<PeerChange> heard) {
        GridPeerChannel channel = new GridPeerChannel();
        channel.grid = joined(member);
        channel.changes = new PeerChanges() {
            @Override
            public void heard(PeerChange change) {
                heard.add(change);
            }
        };
        channel.listen(new Object());
        return channel;
    }

    static DataGrid joined(HazelcastInstance member) {
        return new DataGrid() {
            @Override
            public Optional<HazelcastInstance> instance() {
                return Optional.of(member);
            }
        };
    }
}
