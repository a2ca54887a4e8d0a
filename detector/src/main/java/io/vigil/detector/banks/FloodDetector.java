package io.vigil.detector.banks;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Notices a bank entry that suddenly matches far more than it usually does. Third-party lists carry bad hashes
 * (a logo, a meme, a blank image) and one of them can flood the moderator queues within minutes; the flood is
 * reported so that an operator can allow-list the entry. An entry floods when its matches in the current window reach
 * both an absolute minimum and a multiple of its own usual rate (an exponentially weighted mean of past windows).
 */
public final class FloodDetector {

    /** Weight of the latest window in the usual rate: about the last three windows dominate. */
    static final double SMOOTHING = 0.3;
    /** Entries remembered at most; the least recently matched are forgotten first. */
    static final int MAX_TRACKED = 100_000;

    private final long windowMillis;
    private final int minMatches;
    private final double factor;
    private final Clock clock;
    private final Map<String, Rate> rates = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Rate> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public FloodDetector(Duration window, int minMatches, double factor, Clock clock) {
        this.windowMillis = window.toMillis();
        this.minMatches = minMatches;
        this.factor = factor;
        this.clock = clock;
    }

    /** An entry that started to flood: its matches in this window and its usual matches per window. */
    public record Flood(int matches, double usual) {
    }

    /** Counts one match of an entry; reports a flood once per window, when the entry starts to flood. */
    public synchronized Optional<Flood> record(String entryKey) {
        long window = clock.millis() / windowMillis;
        Rate rate = rates.computeIfAbsent(entryKey, k -> new Rate(window));
        rate.advanceTo(window);
        rate.count++;
        boolean flooding = rate.count >= minMatches && rate.count >= factor * rate.usual;
        if (flooding && !rate.reported) {
            rate.reported = true;
            return Optional.of(new Flood(rate.count, rate.usual));
        }
        return Optional.empty();
    }

    private static final class Rate {
        long window;
        int count;
        double usual;
        boolean reported;

        Rate(long window) {
            this.window = window;
        }

        void advanceTo(long now) {
            if (now == window) {
                return;
            }
            usual = SMOOTHING * count + (1 - SMOOTHING) * usual;
            long emptyWindows = now - window - 1;
            usual *= Math.pow(1 - SMOOTHING, Math.min(emptyWindows, 64));
            window = now;
            count = 0;
            reported = false;
        }
    }
}
