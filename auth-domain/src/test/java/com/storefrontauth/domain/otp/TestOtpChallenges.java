package com.storefrontauth.domain.otp;

import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.delivery.FakeTransport;
import com.storefrontauth.domain.delivery.InMemoryOutbox;
import com.storefrontauth.domain.platform.FixedPlatformLimits;
import com.storefrontauth.domain.platform.PlatformLimits;
import com.storefrontauth.domain.shared.Transactions;
import java.time.Clock;
import java.util.Arrays;

/** Real {@link OtpChallenges} over in-memory challenges, activity and outbox, for use cases' domain tests. */
public final class TestOtpChallenges {

    private TestOtpChallenges() {}

    public static OtpChallenges over(AuditLog audit, Transactions transactions, Clock clock) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        OtpCodes codes = new OtpCodes(secret);
        FakeTransport transport = new FakeTransport();
        OtpChallenges otp = new OtpChallenges();
        otp.platform = FixedPlatformLimits.of(PlatformLimits.defaults(), clock);
        otp.challenges = new InMemoryOtpChallenges();
        otp.activity = new InMemoryOtpActivity();
        otp.codes = codes;
        otp.outbox = new InMemoryOutbox().outbox(transport, codes, audit, transactions, clock);
        otp.signal = () -> {};
        otp.transport = transport;
        otp.audit = audit;
        otp.transactions = transactions;
        otp.clock = clock;
        return otp;
    }
}
