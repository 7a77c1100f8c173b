package com.storefrontauth.domain.delivery;

import com.storefrontauth.domain.otp.OtpChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider that accepts every message unless told to fail, and remembers what it was handed.
 * {@link #outage} plays an open circuit breaker for one channel.
 */
public class FakeTransport implements MessageTransport {

    public static final String NAME = "fake";

    private final List<Delivery> attempts = new ArrayList<>();
    private final List<Delivery> accepted = new ArrayList<>();
    private final Map<OtpChannel, Duration> outages = new EnumMap<>(OtpChannel.class);
    private int failuresLeft;
    private boolean refuseNext;
    private RuntimeException crash;

    /** The next {@code count} deliveries are refused. */
    public synchronized void failNext(int count) {
        failuresLeft = count;
    }

    /** The next delivery is refused for good (a rejected address): no retry can help. */
    public synchronized void refuseNext() {
        refuseNext = true;
    }

    /** The next delivery throws this instead of answering (a bug in the transport, not a refusal). */
    public synchronized void crashNext(RuntimeException exception) {
        crash = exception;
    }

    public synchronized void outage(OtpChannel channel, Duration remaining) {
        outages.put(channel, remaining);
    }

    public synchronized void recover(OtpChannel channel) {
        outages.remove(channel);
    }

    /** Every delivery handed over, accepted or not. */
    public synchronized List<Delivery> attempts() {
        return List.copyOf(attempts);
    }

    public synchronized List<Delivery> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public synchronized String deliver(Delivery delivery) throws DeliveryFailedException {
        attempts.add(delivery);
        if (crash != null) {
            RuntimeException thrown = crash;
            crash = null;
            throw thrown;
        }
        if (refuseNext) {
            refuseNext = false;
            throw new DeliveryFailedException("recipient rejected", false, true, null);
        }
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new DeliveryFailedException("provider answered 502", false, false, null);
        }
        if (outages.containsKey(delivery.channel())) {
            throw new DeliveryFailedException("circuit open", true, false, null);
        }
        accepted.add(delivery);
        return NAME;
    }

    @Override
    public synchronized Optional<Duration> outage(OtpChannel channel) {
        return Optional.ofNullable(outages.get(channel));
    }
}
