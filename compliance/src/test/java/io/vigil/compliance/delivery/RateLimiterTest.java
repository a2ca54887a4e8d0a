package io.vigil.compliance.delivery;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

    @Test
    void aRequestOverThePerSecondLimitWaitsUntilTheOldestLeavesTheWindow() throws Exception {
        MutableClock clock = new MutableClock(T0);
        RateLimiter limiter = new RateLimiter(3, 100, clock);
        for (int i = 0; i < 3; i++) {
            limiter.acquire();
            clock.now = clock.now.plusMillis(100);
        }

        // The window is 1.1 s: the first request (at T0) leaves it at T0 + 1.1 s, 800 ms after now (T0 + 300 ms).
        assertThat(limiter.waitNeeded(clock.now)).isEqualTo(Duration.ofMillis(800));
        assertThat(limiter.waitNeeded(T0.plusMillis(1101))).isZero();
    }

    @Test
    void thePerMinuteLimitHoldsAcrossSeconds() throws Exception {
        MutableClock clock = new MutableClock(T0);
        RateLimiter limiter = new RateLimiter(200, 5, clock);
        for (int i = 0; i < 5; i++) {
            limiter.acquire();
            clock.now = clock.now.plusSeconds(2);
        }

        assertThat(limiter.waitNeeded(clock.now)).isEqualTo(Duration.ofSeconds(51));
        assertThat(limiter.waitNeeded(T0.plusSeconds(61).plusMillis(1))).isZero();
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
