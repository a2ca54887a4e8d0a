package io.vigil.compliance.transparency;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a transparency report, in the order of DSA Art. 15(1) (notices, own initiative, actions, automated
 * means, complaints) and then Vigil's own; {@link #sources()} says what each topic held (records, earliest and latest
 * event), so that a period reaching back beyond a topic's retention shows as such. Durations are seconds.
 */
public record TransparencyFigures(Instant from, Instant to, Notices notices, OwnInitiative ownInitiative, Actions actions,
                                  AutomatedMeans automatedMeans, Appeals appeals, Vigil vigil, Map<String, Source> sources) {

    /** Art. 15(1)(b). Outcome: restricted, no_restriction or pending (no decision yet). */
    public record Notices(long total, Map<String, Long> byCategory, Map<String, Long> byReporterType, long fromTrustedFlaggers,
                          Map<String, Long> byOutcome, long decidedByAutomatedMeans, Long medianSecondsToDecision) {
    }

    /** Art. 15(1)(c): restrictions on the platform's own initiative (source SOURCE_VOLUNTARY). */
    public record OwnInitiative(long total, Map<String, Long> byCategory, Map<String, Long> byDetection, Map<String, Long> byRestriction) {
    }

    /** Every enforcement action by type, and the restricting ones (their statements) by ground and restriction. */
    public record Actions(long enforcementActions, Map<String, Long> byType, long restrictions, Map<String, Map<String, Long>> byGroundAndRestriction,
                          Map<String, Long> byCategory, Map<String, Long> bySource) {
    }

    /** Art. 15(1)(e) and Art. 17(3)(c): of the restrictions, how many were detected and decided by automated means. */
    public record AutomatedMeans(long restrictions, long automatedDetection, double automatedDetectionShare, long automatedDecision,
                                 double automatedDecisionShare) {
    }

    /** Art. 15(1)(d) and Art. 20: complaints received, decided, upheld, reversed. */
    public record Appeals(long received, long decided, long upheld, long reversed, Long medianSecondsToDecision) {
    }

    /** Vigil's own: what the hash banks and the network memory caught. */
    public record Vigil(long messagesWithHashMatch, long mediaWithHashMatch, Map<String, Long> mediaMatchedByBankSource, long stayDownHits,
                        long recreatedGroups) {
    }

    public record Source(long records, Instant earliest, Instant latest) {
        Source plus(Source other) {
            return new Source(records + other.records, earliest.isBefore(other.earliest) ? earliest : other.earliest,
                    latest.isAfter(other.latest) ? latest : other.latest);
        }
    }

    /** Counts by key; keys sorted in the output so that two reports of the same data read the same. */
    static final class Counter {
        private final Map<String, Long> counts = new LinkedHashMap<>();

        void add(String key) {
            counts.merge(key, 1L, Long::sum);
        }

        long get(String key) {
            return counts.getOrDefault(key, 0L);
        }

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        Map<String, Long> sorted() {
            return new TreeMap<>(counts);
        }
    }
}
