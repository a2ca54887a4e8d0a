package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.DetectedEntity;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.PriorCues;
import io.vigil.detector.doxxing.TextScan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the detector over labelled messages and counts agreement. Entities match leniently when they have the same
 * type and their overlap is at least half of their union, strictly when type and both offsets are equal; matching is
 * one-to-one. The doxxing decision is counted per message. Everything is broken down per language, per category
 * (scenario), per error kind where the corpus names one, and by whether the message came with a country hint.
 */
public final class Evaluation {

    /** Lenient match: overlap / union of the two spans at least this. */
    public static final double LENIENT_OVERLAP = 0.5;

    /** Counts for one slice (all messages, or one language). */
    public static final class Slice {
        final Map<EntityType, Counts> lenient = new EnumMap<>(EntityType.class);
        final Map<EntityType, Counts> strict = new EnumMap<>(EntityType.class);
        final Counts decision = new Counts();
        int messages;

        public Counts lenient(EntityType t) {
            return lenient.computeIfAbsent(t, k -> new Counts());
        }

        public Counts strict(EntityType t) {
            return strict.computeIfAbsent(t, k -> new Counts());
        }

        public Counts decision() {
            return decision;
        }

        public int messages() {
            return messages;
        }

        public Counts lenientAll() {
            Counts c = new Counts();
            lenient.values().forEach(c::add);
            return c;
        }

        public Counts strictAll() {
            Counts c = new Counts();
            strict.values().forEach(c::add);
            return c;
        }
    }

    /** One disagreement, described by message id, type and offsets only. */
    public record Error(String id, String kind, String detail) {
    }

    /** Slices of messages without and with a country hint. */
    public static final String NO_HINT = "no country hint";
    public static final String HINT = "country hint";

    private final Slice overall = new Slice();
    private final Map<String, Slice> perLanguage = new TreeMap<>();
    private final Map<String, Slice> perCategory = new TreeMap<>();
    private final Map<String, Slice> perKind = new TreeMap<>();
    private final Map<String, Slice> perHint = new TreeMap<>();
    private final List<Error> errors = new ArrayList<>();

    /** Scans each message as the pipeline would: its country hint, whether it follows an image, the sender's previous message. */
    public static Evaluation run(DoxxingDetector detector, List<LabelledMessage> messages) {
        return run(detector, messages, labelledTypes(messages));
    }

    /**
     * As {@link #run(DoxxingDetector, List)}, counting entities only of {@code labelled} types: a corpus that never
     * labels a type (an older corpus and the quasi-identifiers) cannot say whether the detector's finds of it are right.
     */
    public static Evaluation run(DoxxingDetector detector, List<LabelledMessage> messages, Set<EntityType> labelled) {
        Evaluation e = new Evaluation(labelled);
        for (LabelledMessage m : messages) {
            PriorCues prior = m.previous().isEmpty() ? PriorCues.NONE : detector.priorCues(m.previous());
            e.add(m, detector.scan(m.text(), m.countryHint(), m.afterImage(), prior));
        }
        return e;
    }

    private final Set<EntityType> labelled;

    Evaluation(Set<EntityType> labelled) {
        // In the enum's order: Set.copyOf iterates in an order drawn anew in every JVM, which shuffled the report's
        // list of disagreements from one run to the next.
        EnumSet<EntityType> ordered = EnumSet.noneOf(EntityType.class);
        ordered.addAll(labelled);
        this.labelled = Collections.unmodifiableSet(ordered);
    }

    Evaluation() {
        this(EnumSet.allOf(EntityType.class));
    }

    /** The entity types the corpus labels somewhere. */
    public static Set<EntityType> labelledTypes(List<LabelledMessage> corpus) {
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        corpus.forEach(m -> m.entities().forEach(g -> types.add(g.type())));
        return types;
    }

    /** Types left out of the entity counts because the corpus never labels them. */
    public Set<EntityType> unlabelledTypes() {
        Set<EntityType> out = EnumSet.allOf(EntityType.class);
        out.removeAll(labelled);
        return out;
    }

    void add(LabelledMessage m, TextScan scan) {
        List<Slice> slices = new ArrayList<>(List.of(overall, perLanguage.computeIfAbsent(m.lang(), k -> new Slice()),
                perCategory.computeIfAbsent(m.category().isEmpty() ? "(none)" : m.category(), k -> new Slice()),
                perHint.computeIfAbsent(m.country().isBlank() ? NO_HINT : HINT, k -> new Slice())));
        slices.add(perKind.computeIfAbsent(ErrorKinds.of(m), k -> new Slice()));
        for (Slice s : slices) {
            s.messages++;
        }
        for (EntityType type : labelled) {
            List<LabelledMessage.GoldSpan> gold = m.entities().stream().filter(g -> g.type() == type).toList();
            List<DetectedEntity> predicted = scan.entities().stream().filter(p -> p.type() == type).toList();
            if (gold.isEmpty() && predicted.isEmpty()) {
                continue;
            }
            int lenientTp = match(gold, predicted, false, m.id(), type);
            int strictTp = match(gold, predicted, true, null, type);
            for (Slice s : slices) {
                s.lenient(type).add(lenientTp, predicted.size() - lenientTp, gold.size() - lenientTp);
                s.strict(type).add(strictTp, predicted.size() - strictTp, gold.size() - strictTp);
            }
        }
        int tp = m.doxxing() && scan.doxxing() ? 1 : 0;
        int fp = !m.doxxing() && scan.doxxing() ? 1 : 0;
        int fn = m.doxxing() && !scan.doxxing() ? 1 : 0;
        for (Slice s : slices) {
            s.decision.add(tp, fp, fn);
        }
        if (fp + fn > 0) {
            errors.add(new Error(m.id(), fp > 0 ? "decision FP" : "decision FN",
                    String.format(java.util.Locale.ROOT, "score %.3f [%s]", scan.score(), m.category())));
        }
    }

    /** Greedy one-to-one matching, best overlap first; records lenient misses in {@link #errors()} when id is given. */
    private int match(List<LabelledMessage.GoldSpan> gold, List<DetectedEntity> predicted, boolean strict, String id,
                      EntityType type) {
        boolean[] goldUsed = new boolean[gold.size()];
        boolean[] predUsed = new boolean[predicted.size()];
        List<double[]> pairs = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            for (int p = 0; p < predicted.size(); p++) {
                LabelledMessage.GoldSpan gs = gold.get(g);
                DetectedEntity pe = predicted.get(p);
                boolean ok;
                double score;
                if (strict) {
                    ok = gs.start() == pe.start() && gs.end() == pe.end();
                    score = 1.0;
                } else {
                    int overlap = Math.min(gs.end(), pe.end()) - Math.max(gs.start(), pe.start());
                    int union = Math.max(gs.end(), pe.end()) - Math.min(gs.start(), pe.start());
                    score = overlap <= 0 ? 0.0 : (double) overlap / union;
                    ok = score >= LENIENT_OVERLAP;
                }
                if (ok) {
                    pairs.add(new double[]{score, g, p});
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(b[0], a[0]));
        int tp = 0;
        for (double[] pair : pairs) {
            int g = (int) pair[1];
            int p = (int) pair[2];
            if (!goldUsed[g] && !predUsed[p]) {
                goldUsed[g] = true;
                predUsed[p] = true;
                tp++;
            }
        }
        if (id != null) {
            for (int g = 0; g < gold.size(); g++) {
                if (!goldUsed[g]) {
                    errors.add(new Error(id, type + " FN", "[" + gold.get(g).start() + "," + gold.get(g).end() + ")"));
                }
            }
            for (int p = 0; p < predicted.size(); p++) {
                if (!predUsed[p]) {
                    DetectedEntity e = predicted.get(p);
                    errors.add(new Error(id, type + " FP", "[" + e.start() + "," + e.end() + ") " + e.format()));
                }
            }
        }
        return tp;
    }

    public Slice overall() {
        return overall;
    }

    public Map<String, Slice> perLanguage() {
        return perLanguage;
    }

    /** Per scenario the message was written for (the corpus's {@code category}). */
    public Map<String, Slice> perCategory() {
        return perCategory;
    }

    /** Per error kind the message was written for (the corpus's {@code kind}, else from its category: {@link ErrorKinds}). */
    public Map<String, Slice> perKind() {
        return perKind;
    }

    /** {@link #NO_HINT} and {@link #HINT}. */
    public Map<String, Slice> perHint() {
        return perHint;
    }

    public List<Error> errors() {
        return errors;
    }
}
