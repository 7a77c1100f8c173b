package com.storefrontauth.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A console session ends a fixed time after its sign-in however busy it is (8 hours unless
 * {@code auth.console.session.max-seconds} says otherwise), on top of the container's 30-minute idle
 * timeout: a stolen session cookie is not good for ever.
 */
@ApplicationScoped
public class ConsoleLifetime {

    private Duration maximum;
    private Clock clock;

    protected ConsoleLifetime() {
        // for CDI proxies
    }

    @Inject
    public ConsoleLifetime(
            @ConfigProperty(name = "auth.console.session.max-seconds", defaultValue = "28800") long maxSeconds,
            Clock clock) {
        this.maximum = Duration.ofSeconds(maxSeconds);
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Whether a session that signed in at {@code signedInAt} is past its lifetime (one that never recorded it is). */
    boolean hasEnded(Instant signedInAt) {
        return signedInAt == null || !clock.instant().isBefore(signedInAt.plus(maximum));
    }
}
