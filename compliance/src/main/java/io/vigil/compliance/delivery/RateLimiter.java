package io.vigil.compliance.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps requests to an external API under its limits per second and per minute (sliding windows): {@link #acquire()}
 * waits until one more request fits. The windows are a little longer than the server's (1.1 s, 61 s) because the
 * server counts arrivals: two requests sent a second apart can arrive closer than that.
 */
public final class RateLimiter {

    private static final Duration SECOND = Duration.ofMillis(1100);
    private static final Duration MINUTE = Duration.ofSeconds(61);

    private final int perSecond;
    private final int perMinute;
    private final Clock clock;
    private final Deque<Instant> lastMinute = new ArrayDeque<>();

    public RateLimiter(int perSecond, int perMinute, Clock clock) {
        this.perSecond = perSecond;
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public synchronized void acquire() throws InterruptedException {
        while (true) {
            Duration wait = waitNeeded(clock.instant());
            if (wait.isZero()) {
                lastMinute.addLast(clock.instant());
                return;
            }
            Thread.sleep(Math.max(1, wait.toMillis()));
        }
    }

    /** Zero when a request fits now; else how long until the oldest request that blocks it leaves its window. */
    Duration waitNeeded(Instant now) {
        while (!lastMinute.isEmpty() && !lastMinute.peekFirst().isAfter(now.minus(MINUTE))) {
            lastMinute.removeFirst();
        }
        if (lastMinute.size() >= perMinute) {
            return Duration.between(now, lastMinute.peekFirst().plus(MINUTE));
        }
        int inLastSecond = 0;
        Instant oldestInSecond = null;
        for (var it = lastMinute.descendingIterator(); it.hasNext(); ) {
            Instant at = it.next();
            if (!at.isAfter(now.minus(SECOND))) {
                break;
            }
            inLastSecond++;
            oldestInSecond = at;
        }
        return inLastSecond >= perSecond ? Duration.between(now, oldestInSecond.plus(SECOND)) : Duration.ZERO;
    }
}
