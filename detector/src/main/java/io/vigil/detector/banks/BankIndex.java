package io.vigil.detector.banks;

import io.vigil.pdq.matching.PdqIndex;
import io.vigil.pdq.matching.PdqMatchOutcome;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.pdq.matching.PdqMatcher;
import io.vigil.pdq.matching.PdqVariantMatch;
import io.vigil.pdq.Hash256;
import io.vigil.schemas.SignalType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Every loaded bank entry, indexed for matching: exact maps for MD5 and SHA-256, and the multi-index PDQ index for
 * perceptual hashes. Written by one thread (the global bank updater) while the stream threads query it. Exact
 * values map to immutable arrays replaced atomically; the PDQ index serves searches from immutable snapshots; so a
 * query sees an entry either before or after an update, never half of one, and never waits for one.
 */
public final class BankIndex implements AutoCloseable {

    private static final BankEntry[] NO_ENTRIES = new BankEntry[0];

    private final Map<String, BankEntry> byKey = new ConcurrentHashMap<>();
    private final Map<SignalType, Map<String, BankEntry[]>> exact = new ConcurrentHashMap<>();
    private final PdqIndex pdq = new PdqIndex();
    private final PdqMatcher pdqMatcher;
    private final Map<String, Integer> pdqIdByKey = new ConcurrentHashMap<>();
    private final Map<Integer, BankEntry> pdqEntryById = new ConcurrentHashMap<>();
    private final AtomicBoolean loaded = new AtomicBoolean();

    public BankIndex(PdqMatchPolicy policy) {
        this.pdqMatcher = new PdqMatcher(pdq, policy);
    }

    /**
     * Loads the entries already stored before the first update is applied. Streams restores the bank store before
     * it starts the updater, and may start more than one updater instance over the same store; only the first load
     * runs. PDQ entries are indexed in one bulk build.
     */
    public void loadOnce(Consumer<Consumer<BankEntry>> storedEntries) {
        if (!loaded.compareAndSet(false, true)) {
            return;
        }
        List<BankEntry> perceptual = new ArrayList<>();
        storedEntries.accept(entry -> {
            if (entry.signalType() == SignalType.PDQ) {
                perceptual.add(entry);
            } else {
                upsert(entry);
            }
        });
        int[] ids = pdq.addAll(perceptual.stream().map(e -> Hash256.fromHex(e.value())).toList());
        for (int i = 0; i < ids.length; i++) {
            BankEntry entry = perceptual.get(i);
            byKey.put(entry.key(), entry);
            pdqIdByKey.put(entry.key(), ids[i]);
            pdqEntryById.put(ids[i], entry);
        }
    }

    public void upsert(BankEntry entry) {
        BankEntry previous = byKey.put(entry.key(), entry);
        if (previous != null) {
            unindex(previous);
        }
        if (entry.signalType() == SignalType.PDQ) {
            int id = pdq.add(Hash256.fromHex(entry.value()));
            pdqEntryById.put(id, entry);
            pdqIdByKey.put(entry.key(), id);
        } else {
            exact.computeIfAbsent(entry.signalType(), t -> new ConcurrentHashMap<>())
                    .compute(entry.value(), (value, entries) -> {
                        BankEntry[] current = entries == null ? NO_ENTRIES : entries;
                        BankEntry[] next = Arrays.copyOf(current, current.length + 1);
                        next[current.length] = entry;
                        return next;
                    });
        }
    }

    public void remove(String key) {
        BankEntry previous = byKey.remove(key);
        if (previous != null) {
            unindex(previous);
        }
    }

    private void unindex(BankEntry entry) {
        if (entry.signalType() == SignalType.PDQ) {
            Integer id = pdqIdByKey.remove(entry.key());
            if (id != null) {
                pdq.remove(id);
                pdqEntryById.remove(id);
            }
            return;
        }
        Map<String, BankEntry[]> values = exact.get(entry.signalType());
        if (values != null) {
            values.computeIfPresent(entry.value(), (value, entries) -> {
                BankEntry[] remaining = Arrays.stream(entries).filter(e -> !e.key().equals(entry.key())).toArray(BankEntry[]::new);
                return remaining.length == 0 ? null : remaining;
            });
        }
    }

    public int size() {
        return byKey.size();
    }

    public PdqMatchPolicy pdqPolicy() {
        return pdqMatcher.policy();
    }

    /** Every entry of every bank for these hashes; a match in an allow-list bank cancels the others. */
    public MatchResult match(MediaHashes hashes) {
        List<BankMatch> found = new ArrayList<>();
        hashes.md5().ifPresent(md5 -> addExact(SignalType.MD5, md5, found));
        hashes.sha256().ifPresent(sha -> addExact(SignalType.SHA256, sha, found));
        Optional<MatchResult.Skip> pdqSkipped = Optional.empty();
        if (hashes.pdq().isPresent()) {
            PdqMatchOutcome outcome = pdqMatcher.match(hashes.pdq().get());
            if (outcome.skipped()) {
                pdqSkipped = Optional.of(new MatchResult.Skip(outcome.skipCode(), outcome.skipReason()));
            }
            for (PdqVariantMatch match : outcome.matches()) {
                BankEntry entry = pdqEntryById.get(match.id());
                if (entry != null) {
                    found.add(new BankMatch(entry, match.distance()));
                }
            }
        }
        boolean allowListed = found.stream().anyMatch(m -> m.entry().negative());
        List<BankMatch> positive = found.stream().filter(m -> !m.entry().negative()).toList();
        return allowListed
                ? new MatchResult(List.of(), positive, pdqSkipped)
                : new MatchResult(positive, List.of(), pdqSkipped);
    }

    private void addExact(SignalType type, String value, List<BankMatch> found) {
        Map<String, BankEntry[]> values = exact.get(type);
        BankEntry[] entries = values == null ? null : values.get(value);
        if (entries != null) {
            for (BankEntry entry : entries) {
                found.add(new BankMatch(entry, 0));
            }
        }
    }

    @Override
    public void close() {
        pdq.close();
    }
}
