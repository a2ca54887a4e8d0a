package io.vigil.compliance.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before trying an external service again: doubling from one second up to a ceiling, with jitter so
 * that instances do not retry in step, and never less than the service asked for (Retry-After).
 */
public final class Backoff {

    private static final Duration FIRST = Duration.ofSeconds(1);

    private final Duration ceiling;
    private int failures;

    public Backoff(Duration ceiling) {
        this.ceiling = ceiling;
    }

    public Duration next(Optional<Duration> askedFor) {
        long base = Math.min(ceiling.toMillis(), FIRST.toMillis() << Math.min(failures, 20));
        failures++;
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.max(jittered, askedFor.map(Duration::toMillis).orElse(0L)));
    }

    public void reset() {
        failures = 0;
    }

    public int failures() {
        return failures;
    }
}
