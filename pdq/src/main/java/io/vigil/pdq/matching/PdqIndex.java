package io.vigil.pdq.matching;

import io.vigil.pdq.Hash256;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * An exact, incrementally updatable index of PDQ hashes: {@link #search} returns every live entry within a Hamming
 * distance of the query, with its distance, the same set a brute-force scan returns.
 *
 * <p><b>Structure.</b> Entries live in immutable segments, each with multi-index-hashing tables
 * ({@link ChunkLayout}, {@link IndexSegment}), plus a small tail of the newest entries that is scanned. When the tail
 * fills it is sealed into a segment; segments of one size class are merged in the background into one of the next
 * (a log-structured merge), and dropped entries are purged on merge. A search reads one published snapshot (the
 * segment list and the tail) and takes no lock; a write takes a short lock and publishes a new snapshot, so
 * searches are never blocked and see each add and remove as soon as it returns.
 *
 * <p><b>Ids.</b> The index numbers entries itself, densely from 0, and never reuses a number, so that a removed
 * entry still physically present in a segment can never be mistaken for a newer one. Callers keep their own
 * id-to-metadata table.
 *
 * <p>Thread-safe. Owns a background merge thread; {@link #close} stops it.
 */
public final class PdqIndex implements AutoCloseable {

    private static final int WORDS = Hash256.WORDS;

    /**
     * Purge removed entries with a full merge once they are this share of what segments hold: dead entries cost
     * memory and verification work, a full merge costs a rebuild.
     */
    private static final double DEAD_SHARE_FOR_COMPACTION = 0.25;

    /**
     * Fold everything into one segment once the segments beside the largest hold this share of its entries: a
     * search pays a few hundred probes per segment whatever its size, so a big index should not carry a long tail
     * of smaller ones. Rebuilding costs about 1 µs per entry, so this amortises to under 10 µs per update.
     */
    private static final double REST_SHARE_FOR_FULL_MERGE = 0.125;

    private final PdqIndexConfig config;
    private final LiveIds live = new LiveIds();
    private final Object writeLock = new Object();
    private final ExecutorService merger;

    /** What searches read; replaced, never modified, except that the tail it references fills up. */
    private volatile Snapshot snapshot;

    // guarded by writeLock
    private int nextId;
    private int liveCount;
    private long deadInSegments; // removed entries still physically in sealed segments
    private boolean mergeScheduled;
    private Future<?> lastMerge;

    private record Snapshot(List<IndexSegment> segments, TailBuffer tail) {
    }

    public PdqIndex() {
        this(PdqIndexConfig.defaults());
    }

    public PdqIndex(PdqIndexConfig config) {
        this.config = config;
        this.snapshot = new Snapshot(List.of(), new TailBuffer(config.tailCapacity()));
        this.merger = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigil-pdq-index-merge");
            t.setDaemon(true);
            return t;
        });
    }

    public PdqIndexConfig config() {
        return config;
    }

    /** Adds an entry; returns its id. Searches see it once this returns. */
    public int add(Hash256 hash) {
        synchronized (writeLock) {
            int id = allocateId();
            Snapshot s = snapshot;
            s.tail().append(hash, id);
            if (s.tail().isFull()) {
                seal(s);
            }
            return id;
        }
    }

    /**
     * Adds many entries at once, building their segment directly (a bulk load: start-up or an import); returns
     * their ids in order. Searches see them once this returns.
     */
    public int[] addAll(Collection<Hash256> hashes) {
        int n = hashes.size();
        if (n == 0) {
            return new int[0];
        }
        long[] words = new long[n * WORDS];
        int i = 0;
        for (Hash256 h : hashes) {
            h.copyWords(words, i++ * WORDS);
        }
        int[] ids = new int[n];
        synchronized (writeLock) {
            for (int k = 0; k < n; k++) {
                ids[k] = allocateId();
            }
        }
        IndexSegment segment = IndexSegment.build(words, ids, n, config.designRadius(), config.maxIndexBytes(n));
        synchronized (writeLock) {
            Snapshot s = snapshot;
            List<IndexSegment> segments = new ArrayList<>(s.segments());
            segments.add(segment);
            snapshot = new Snapshot(List.copyOf(segments), s.tail());
            scheduleMergeIfNeeded();
        }
        return ids;
    }

    /** Removes an entry; false if the id is unknown or already removed. Searches miss it once this returns. */
    public boolean remove(int id) {
        synchronized (writeLock) {
            if (!live.remove(id)) {
                return false;
            }
            liveCount--;
            if (!snapshot.tail().holds(id)) {
                deadInSegments++; // a dead tail entry is simply not sealed
                scheduleMergeIfNeeded();
            }
            return true;
        }
    }

    public boolean contains(int id) {
        return live.contains(id);
    }

    /** Number of live entries. */
    public int size() {
        synchronized (writeLock) {
            return liveCount;
        }
    }

    /** Reports every live entry within {@code maxDistance} bits of {@code query} to {@code sink}, once each. */
    public void search(Hash256 query, int maxDistance, MatchSink sink) {
        checkDistance(maxDistance);
        long[] q = words(query);
        Snapshot s = snapshot;
        for (IndexSegment segment : s.segments()) {
            segment.search(q, maxDistance, live, sink);
        }
        s.tail().search(q, maxDistance, live, sink);
    }

    /**
     * {@link #search(Hash256, int, MatchSink)} for several queries at once (an image's dihedral variants): reports
     * each live entry within {@code maxDistance} bits of {@code queries.get(q)} as {@code (q, id, distance)}, once
     * per query that finds it. Cheaper than one search per query: their independent memory reads overlap.
     */
    public void searchEach(List<Hash256> queries, int maxDistance, QueryMatchSink sink) {
        checkDistance(maxDistance);
        int count = queries.size();
        long[] q = new long[count * WORDS];
        for (int i = 0; i < count; i++) {
            queries.get(i).copyWords(q, i * WORDS);
        }
        Snapshot s = snapshot;
        for (IndexSegment segment : s.segments()) {
            segment.searchEach(q, count, maxDistance, live, sink);
        }
        s.tail().searchEach(q, count, maxDistance, live, sink);
    }

    /** Every live entry within {@code maxDistance} bits of {@code query}, nearest first. */
    public List<PdqMatch> search(Hash256 query, int maxDistance) {
        List<PdqMatch> matches = new ArrayList<>();
        search(query, maxDistance, (id, distance) -> matches.add(new PdqMatch(id, distance)));
        Collections.sort(matches);
        return matches;
    }

    /**
     * Brute force over the same entries, without the tables: the baseline that {@link #search} is measured and
     * verified against.
     */
    public void searchByScan(Hash256 query, int maxDistance, MatchSink sink) {
        checkDistance(maxDistance);
        long[] q = words(query);
        Snapshot s = snapshot;
        for (IndexSegment segment : s.segments()) {
            segment.scan(q, maxDistance, live, sink);
        }
        s.tail().search(q, maxDistance, live, sink);
    }

    /** Waits until background merges have finished (tests, benchmarks, and before measuring memory). */
    public void awaitMerges() throws InterruptedException {
        while (true) {
            Future<?> pending;
            synchronized (writeLock) {
                pending = lastMerge;
                if (pending == null || pending.isDone() && !mergeScheduled) {
                    return;
                }
            }
            try {
                pending.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("PDQ index merge failed", e.getCause());
            }
        }
    }

    /** What the index holds and the heap it takes. */
    public Stats stats() {
        Snapshot s = snapshot;
        long hashBytes = 0;
        long indexBytes = live.heapBytes() + s.tail().heapBytes();
        long stored = s.tail().size();
        List<String> layouts = new ArrayList<>();
        for (IndexSegment segment : s.segments()) {
            hashBytes += segment.hashHeapBytes();
            indexBytes += segment.indexHeapBytes();
            stored += segment.size();
            layouts.add(segment.size() + ":" + segment.describe());
        }
        return new Stats(size(), stored, s.segments().size(), hashBytes, indexBytes, List.copyOf(layouts));
    }

    /**
     * @param liveEntries   entries a search can return
     * @param storedEntries entries physically held, including removed ones not yet purged
     * @param segments      sealed segments
     * @param hashBytes     heap of the stored hashes themselves (32 bytes each, in segments)
     * @param indexBytes    all other heap: tables, ids, tail, live set
     * @param layouts       per segment: its size and how it is indexed
     */
    public record Stats(int liveEntries, long storedEntries, int segments, long hashBytes, long indexBytes,
                        List<String> layouts) {
        /** Heap per stored entry beyond the hash itself. */
        public double indexBytesPerEntry() {
            return storedEntries == 0 ? 0 : (double) indexBytes / storedEntries;
        }
    }

    @Override
    public void close() {
        merger.shutdownNow();
        try {
            merger.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int allocateId() {
        if (nextId == Integer.MAX_VALUE) {
            throw new IllegalStateException("PDQ index ids exhausted; rebuild the index");
        }
        int id = nextId++;
        live.add(id);
        liveCount++;
        return id;
    }

    /** Turns the full tail into a segment. Under the write lock; a tail is small, so this takes well under 1 ms. */
    private void seal(Snapshot s) {
        TailBuffer tail = s.tail();
        int n = tail.size();
        long[] hashes = new long[n * WORDS];
        int[] ids = new int[n];
        int kept = 0;
        for (int p = 0; p < n; p++) {
            int id = tail.ids()[p];
            if (live.contains(id)) {
                System.arraycopy(tail.hashes(), p * WORDS, hashes, kept * WORDS, WORDS);
                ids[kept++] = id;
            }
        }
        List<IndexSegment> segments = new ArrayList<>(s.segments());
        if (kept > 0) {
            segments.add(IndexSegment.build(hashes, ids, kept, config.designRadius(), config.maxIndexBytes(kept)));
        }
        snapshot = new Snapshot(List.copyOf(segments), new TailBuffer(config.tailCapacity()));
        scheduleMergeIfNeeded();
    }

    private void scheduleMergeIfNeeded() {
        if (!mergeScheduled && !merger.isShutdown() && mergeCandidates(snapshot.segments()) != null) {
            mergeScheduled = true;
            try {
                lastMerge = merger.submit(this::mergeWhileNeeded);
            } catch (RejectedExecutionException closed) {
                mergeScheduled = false; // closed meanwhile: searches stay exact, segments just stay unmerged
            }
        }
    }

    private void mergeWhileNeeded() {
        while (!Thread.currentThread().isInterrupted()) {
            List<IndexSegment> victims;
            synchronized (writeLock) {
                victims = mergeCandidates(snapshot.segments());
                if (victims == null) {
                    mergeScheduled = false;
                    return;
                }
            }
            merge(victims);
        }
    }

    /**
     * Segments to merge next, or null: every segment when removed entries make up a large share or the segments
     * beside the largest have grown to a set share of it, else the first size class (size / tail capacity in powers
     * of the fanout) holding a fanout's worth of segments.
     */
    private List<IndexSegment> mergeCandidates(List<IndexSegment> segments) {
        if (segments.size() > 1 || segments.size() == 1 && deadInSegments > 0) {
            long stored = segments.stream().mapToLong(IndexSegment::size).sum();
            long largest = segments.stream().mapToLong(IndexSegment::size).max().orElse(0);
            if (deadInSegments > DEAD_SHARE_FOR_COMPACTION * stored
                    || segments.size() > 1 && stored - largest > REST_SHARE_FOR_FULL_MERGE * largest
                    && largest >= (long) config.tailCapacity() * config.mergeFanout()) {
                return segments;
            }
        }
        int classes = 32;
        int[] count = new int[classes];
        for (IndexSegment segment : segments) {
            count[sizeClass(segment.size())]++;
        }
        for (int c = 0; c < classes; c++) {
            if (count[c] >= config.mergeFanout()) {
                int sizeClass = c;
                return segments.stream().filter(seg -> sizeClass(seg.size()) == sizeClass).toList();
            }
        }
        return null;
    }

    private int sizeClass(int size) {
        int c = 0;
        long bound = (long) config.tailCapacity() * config.mergeFanout();
        while (size >= bound && c < 31) {
            bound *= config.mergeFanout();
            c++;
        }
        return c;
    }

    /** Builds one segment from {@code victims}' live entries outside the lock, then swaps it in. */
    private void merge(List<IndexSegment> victims) {
        int total = victims.stream().mapToInt(IndexSegment::size).sum();
        long[] hashes = new long[total * WORDS];
        int[] ids = new int[total];
        int kept = 0;
        for (IndexSegment segment : victims) {
            long[] h = segment.hashes();
            for (int p = 0; p < segment.size(); p++) {
                int id = segment.id(p);
                if (live.contains(id)) {
                    System.arraycopy(h, p * WORDS, hashes, kept * WORDS, WORDS);
                    ids[kept++] = id;
                }
            }
        }
        IndexSegment merged = kept == 0 ? null
                : IndexSegment.build(hashes, ids, kept, config.designRadius(), config.maxIndexBytes(kept));
        synchronized (writeLock) {
            List<IndexSegment> segments = new ArrayList<>(snapshot.segments());
            // only this thread removes segments, so every victim is still there
            int at = segments.indexOf(victims.get(0));
            segments.removeAll(victims);
            if (merged != null) {
                segments.add(Math.min(at, segments.size()), merged);
            }
            // entries removed while we merged are still dead in the merged segment; the rest were purged
            deadInSegments -= total - kept;
            snapshot = new Snapshot(List.copyOf(segments), snapshot.tail());
        }
    }

    private static long[] words(Hash256 query) {
        long[] q = new long[WORDS];
        query.copyWords(q, 0);
        return q;
    }

    private static void checkDistance(int maxDistance) {
        if (maxDistance < 0) {
            throw new IllegalArgumentException("distance must not be negative: " + maxDistance);
        }
    }

    @Override
    public String toString() {
        Stats s = stats();
        return "PdqIndex{" + s.liveEntries() + " live, " + s.segments() + " segments " + s.layouts() + "}";
    }
}
