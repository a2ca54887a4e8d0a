package io.vigil.standalone.commands.replay;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A replay's progress on standard error: a bar redrawn in place on a terminal, a plain line every few seconds
 * otherwise (a log file or a pipe gets no carriage returns), and a last line when done.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(200);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

    private final PrintWriter err;
    private final boolean terminal;
    private final long total;
    private final long intervalNanos;
    private long last = System.nanoTime();
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean terminal, long total) {
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        this.intervalNanos = (terminal ? TERMINAL_INTERVAL : LOG_INTERVAL).toNanos();
    }

    void update(long done, long written, long alreadyThere) {
        long now = System.nanoTime();
        if (now - last < intervalNanos && done < total) {
            return;
        }
        last = now;
        draw(done, written, alreadyThere);
    }

    void finish(long done, long written, long alreadyThere) {
        draw(done, written, alreadyThere);
        if (terminal && drawn) {
            err.println();
        }
        err.flush();
    }

    private void draw(long done, long written, long alreadyThere) {
        int percent = total == 0 ? 100 : (int) (100 * done / total);
        String counts = String.format("%,d of %,d events (%d%%), %,d written, %,d already there", done, total, percent, written, alreadyThere);
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
            err.print("\r  [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + counts);
            drawn = true;
        } else {
            err.println("  replayed " + counts);
        }
        err.flush();
    }
}
