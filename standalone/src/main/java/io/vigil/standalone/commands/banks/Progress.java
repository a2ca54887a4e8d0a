package io.vigil.standalone.commands.banks;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Supplier;

/** Progress lines on standard error, at most one per interval, so that large lists show life without flooding. */
final class Progress {

    /** Often enough to show an import is alive, rarely enough to stay readable. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final PrintWriter err;
    private final long intervalNanos;
    private long last = System.nanoTime();

    Progress(PrintWriter err, Duration interval) {
        this.err = err;
        this.intervalNanos = interval.toNanos();
    }

    /** Prints the line if the interval has passed since the last one. */
    void tick(Supplier<String> line) {
        long now = System.nanoTime();
        if (now - last >= intervalNanos) {
            last = now;
            err.println(line.get());
            err.flush();
        }
    }
}
