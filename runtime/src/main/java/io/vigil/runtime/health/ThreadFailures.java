package io.vigil.runtime.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Recent deaths of a Streams application's threads. A thread that dies is replaced and its tasks restart from their
 * last commit, which heals a passing failure; a thread that keeps dying on the same input is a stuck partition that
 * no replacement heals, and the health check must say so. Thread-safe.
 */
final class ThreadFailures {

    /** The window in which failures are counted. */
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** From this many failures in the window, a thread "keeps dying": one or two are a passing fault and its retry. */
    static final int KEEPS_DYING = 3;

    private final Deque<Instant> failures = new ArrayDeque<>();
    private String lastError = "";

    synchronized void failed(Instant at, Throwable error) {
        failures.addLast(at);
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        lastError = root.getClass().getSimpleName();
    }

    synchronized int recent(Instant now) {
        while (!failures.isEmpty() && failures.peekFirst().isBefore(now.minus(WINDOW))) {
            failures.removeFirst();
        }
        return failures.size();
    }

    synchronized String lastError() {
        return lastError;
    }
}
