package com.storefrontauth.api.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.storefrontauth.api.cluster.DataGrid;
import com.storefrontauth.api.cluster.TwoMemberGrid;
import com.storefrontauth.domain.otp.OtpChannel;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelOutagesTest {

    @Test
    void whenOneInstanceSeesTheCircuitOpenThenTheOthersAnswerWithTheOutageUntilOneOfThemDelivers() {
        try (TwoMemberGrid grid = new TwoMemberGrid()) {
            ChannelOutages here = outages(grid.first);
            ChannelOutages there = outages(grid.second);

            here.opened(OtpChannel.SMS);

            Optional<Duration> seenThere = there.outage(OtpChannel.SMS);
            assertThat(seenThere).isPresent();
            assertThat(seenThere.get()).isGreaterThan(Duration.ofMillis(ProviderCalls.BREAKER_DELAY_MS - 2_000));
            assertThat(there.outage(OtpChannel.EMAIL)).isEmpty();

            there.closed(OtpChannel.SMS);
            assertThat(there.outage(OtpChannel.SMS)).isEmpty();
            assertThat(here.outage(OtpChannel.SMS))
                    .as("its own breaker is still open")
                    .isPresent();
        }
    }

    @Test
    void whenAloneThenTheOutageIsThisInstancesOwn() {
        ChannelOutages alone = new ChannelOutages();
        alone.grid = new DataGrid();
        alone.opened(OtpChannel.EMAIL);
        assertThat(alone.outage(OtpChannel.EMAIL)).isPresent();
        alone.closed(OtpChannel.EMAIL);
        assertThat(alone.outage(OtpChannel.EMAIL)).isEmpty();
    }

    private static ChannelOutages outages(HazelcastInstance member) {
        ChannelOutages outages = new ChannelOutages();
        outages.grid = new DataGrid() {
            @Override
            public Optional<HazelcastInstance> instance() {
                return Optional.of(member);
            }
        };
        return outages;
    }
}
