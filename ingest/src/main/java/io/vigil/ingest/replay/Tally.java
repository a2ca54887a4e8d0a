package io.vigil.ingest.replay;

import java.util.Map;
import java.util.TreeMap;

/** Counters by name, for a replay's summary: what was read, written, and skipped by reason. */
public final class Tally {

    private final Map<String, Long> counts = new TreeMap<>();

    public synchronized void add(String name) {
        add(name, 1);
    }

    public synchronized void add(String name, long n) {
        if (n != 0) {
            counts.merge(name, n, Long::sum);
        }
    }

    public synchronized long get(String name) {
        return counts.getOrDefault(name, 0L);
    }

    /** The counters whose names start with {@code prefix}, without it. */
    public synchronized Map<String, Long> withPrefix(String prefix) {
        Map<String, Long> found = new TreeMap<>();
        counts.forEach((name, n) -> {
            if (name.startsWith(prefix)) {
                found.put(name.substring(prefix.length()), n);
            }
        });
        return found;
    }

    public synchronized Map<String, Long> all() {
        return new TreeMap<>(counts);
    }
}
