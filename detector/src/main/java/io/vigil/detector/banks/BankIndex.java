package io.vigil.detector.banks;

import io.vigil.schemas.SignalType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Every loaded bank entry, indexed for matching. Written by one thread (the global bank updater) while the stream
 * threads query it: each hash value maps to an immutable array of entries that is replaced atomically, so a query
 * sees an entry either before or after an update, never half of one.
 */
public final class BankIndex {

    private static final BankEntry[] NO_ENTRIES = new BankEntry[0];

    private final Map<String, BankEntry> byKey = new ConcurrentHashMap<>();
    private final Map<SignalType, Map<String, BankEntry[]>> byValue = new ConcurrentHashMap<>();
    private final AtomicBoolean loaded = new AtomicBoolean();

    /**
     * Loads the entries already stored before the first update is applied. Streams restores the bank store before
     * it starts the updater, and may start more than one updater instance over the same store; only the first load
     * runs.
     */
    public void loadOnce(Consumer<Consumer<BankEntry>> storedEntries) {
        if (loaded.compareAndSet(false, true)) {
            storedEntries.accept(this::upsert);
        }
    }

    public void upsert(BankEntry entry) {
        BankEntry previous = byKey.put(entry.key(), entry);
        Map<String, BankEntry[]> values = byValue.computeIfAbsent(entry.signalType(), t -> new ConcurrentHashMap<>());
        values.compute(entry.value(), (value, entries) -> {
            BankEntry[] current = entries == null ? NO_ENTRIES : entries;
            List<BankEntry> next = new ArrayList<>(current.length + 1);
            for (BankEntry e : current) {
                if (!e.key().equals(entry.key())) {
                    next.add(e);
                }
            }
            next.add(entry);
            return next.toArray(NO_ENTRIES);
        });
        if (previous != null && !previous.value().equals(entry.value())) {
            removeValue(previous);
        }
    }

    public void remove(String key) {
        BankEntry previous = byKey.remove(key);
        if (previous != null) {
            removeValue(previous);
        }
    }

    private void removeValue(BankEntry entry) {
        Map<String, BankEntry[]> values = byValue.get(entry.signalType());
        if (values == null) {
            return;
        }
        values.computeIfPresent(entry.value(), (value, entries) -> {
            BankEntry[] remaining = Arrays.stream(entries).filter(e -> !e.key().equals(entry.key())).toArray(BankEntry[]::new);
            return remaining.length == 0 ? null : remaining;
        });
    }

    public int size() {
        return byKey.size();
    }

    /** Every entry of every bank for these hashes; a match in an allow-list bank cancels the others. */
    public MatchResult match(MediaHashes hashes) {
        List<BankMatch> found = new ArrayList<>();
        hashes.md5().ifPresent(md5 -> addExact(SignalType.MD5, md5, found));
        hashes.sha256().ifPresent(sha -> addExact(SignalType.SHA256, sha, found));
        if (found.isEmpty()) {
            return MatchResult.NONE;
        }
        boolean allowListed = found.stream().anyMatch(m -> m.entry().negative());
        List<BankMatch> positive = found.stream().filter(m -> !m.entry().negative()).toList();
        return allowListed ? new MatchResult(List.of(), positive) : new MatchResult(positive, List.of());
    }

    private void addExact(SignalType type, String value, List<BankMatch> found) {
        Map<String, BankEntry[]> values = byValue.get(type);
        BankEntry[] entries = values == null ? null : values.get(value);
        if (entries != null) {
            for (BankEntry entry : entries) {
                found.add(new BankMatch(entry, 0));
            }
        }
    }
}
