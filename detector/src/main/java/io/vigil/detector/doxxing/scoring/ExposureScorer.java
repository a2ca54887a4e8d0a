package io.vigil.detector.doxxing.scoring;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a message exposes a third person. Personal data alone is not doxxing (shops post numbers, people
 * share their own, news quotes an office): the score weighs the kinds and count of data against who the message is
 * about, as told by the cue phrases of every language, and against the message following an image. The reasons
 * name the evidence in words and never contain a personal value.
 */
public final class ExposureScorer {

    /** Cue phrases are quoted in reasons up to this many per kind, to keep reasons short. */
    private static final int QUOTED_CUES = 2;
    /** A list: at least this many lines carrying personal data. */
    private static final int LIST_MIN_LINES = 2;
    /** Several people: at least this many phone numbers or handles. */
    private static final int SEVERAL_CONTACTS = 3;

    private final ScoringWeights weights;
    private final double threshold;

    public ExposureScorer(ScoringWeights weights, double threshold) {
        if (!(threshold > 0.0 && threshold < 1.0)) {
            throw new IllegalArgumentException("doxxing threshold must be in (0,1), got " + threshold);
        }
        this.weights = weights;
        this.threshold = threshold;
    }

    /** What the scorer needs to know about one entity: its kind and where it is. */
    public record EntityRef(EntityType type, int start, int end) {
    }

    public record Exposure(double score, boolean doxxing, List<String> reasons) {
    }

    public Exposure score(String text, List<EntityRef> entities, List<PhraseHit> cues, boolean followsImage) {
        if (entities.isEmpty()) {
            return new Exposure(0.0, false, List.of("no personal data found"));
        }
        List<String> reasons = new ArrayList<>();
        double logit = weights.bias();

        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        for (EntityRef e : entities) {
            counts.merge(e.type(), 1, Integer::sum);
        }
        List<String> kinds = new ArrayList<>();
        for (Map.Entry<EntityType, Integer> c : counts.entrySet()) {
            logit += weights.entityWeight(c.getKey());
            kinds.add(describe(c.getKey()) + (c.getValue() > 1 ? " ×" + c.getValue() : ""));
        }
        int additional = Math.min(entities.size() - 1, weights.maxAdditional());
        logit += additional * weights.additionalEntity();
        reasons.add("personal data: " + String.join(", ", kinds));

        Map<CueKind, List<String>> byKind = new EnumMap<>(CueKind.class);
        for (PhraseHit h : cues) {
            if (!insideEntity(h, entities)) {
                byKind.computeIfAbsent(h.kind(), k -> new ArrayList<>()).add(text.substring(h.start(), h.end()));
            }
        }
        logit += cue(byKind, reasons, weights.targeting(), "language about another person's data or whereabouts",
                CueKind.TARGETING, CueKind.RESIDENCE);
        logit += cue(byKind, reasons, weights.incitement(), "calls to contact or harass", CueKind.INCITEMENT);
        logit += cue(byKind, reasons, weights.relatives(), "relatives' or partner's data", CueKind.RELATIVE);
        logit += cue(byKind, reasons, weights.derogatory(), "insults about the person", CueKind.DEROGATORY);
        if (followsImage) {
            logit += weights.followsImage();
            reasons.add("follows an image from the same sender in this chat");
        }
        if (isList(text, entities, counts)) {
            logit += weights.list();
            reasons.add("several people's data listed");
        }
        logit += cue(byKind, reasons, weights.selfContact(), "the writer shares their own contact", CueKind.SELF_CONTACT);
        logit += cue(byKind, reasons, weights.business(), "business or advertising vocabulary", CueKind.BUSINESS);
        logit += cue(byKind, reasons, weights.institution(), "official body or helpline", CueKind.INSTITUTION);
        logit += cue(byKind, reasons, weights.news(), "news or announcement", CueKind.NEWS);

        double score = 1.0 / (1.0 + Math.exp(-logit));
        boolean doxxing = score >= threshold;
        reasons.add(0, String.format(Locale.ROOT, "%s (score %.2f, threshold %.2f)",
                doxxing ? "exposes a third person" : "not judged an exposure", score, threshold));
        return new Exposure(score, doxxing, reasons);
    }

    private static double cue(Map<CueKind, List<String>> byKind, List<String> reasons, double weight, String words,
                              CueKind... kinds) {
        List<String> phrases = new ArrayList<>();
        for (CueKind k : kinds) {
            phrases.addAll(byKind.getOrDefault(k, List.of()));
        }
        if (phrases.isEmpty() || weight == 0.0) {
            return 0.0;
        }
        List<String> quoted = phrases.stream().map(p -> "'" + p.toLowerCase(Locale.ROOT) + "'").distinct()
                .limit(QUOTED_CUES).toList();
        reasons.add((weight < 0 ? "against: " : "") + words + " (" + String.join(", ", quoted) + ")");
        return weight;
    }

    private static boolean insideEntity(PhraseHit h, List<EntityRef> entities) {
        for (EntityRef e : entities) {
            if (h.start() < e.end() && e.start() < h.end()) {
                return true;
            }
        }
        return false;
    }

    private static final Set<EntityType> CONTACTS = EnumSet.of(EntityType.PHONE, EntityType.SOCIAL_HANDLE,
            EntityType.SOCIAL_URL, EntityType.EMAIL);

    private static boolean isList(String text, List<EntityRef> entities, Map<EntityType, Integer> counts) {
        int contacts = 0;
        for (EntityRef e : entities) {
            if (CONTACTS.contains(e.type())) {
                contacts++;
            }
        }
        if (counts.getOrDefault(EntityType.PHONE, 0) >= 2 && contacts >= SEVERAL_CONTACTS) {
            return true;
        }
        int lines = 0;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int s = lineStart;
                int e = i;
                if (entities.stream().anyMatch(en -> en.start() >= s && en.start() < e)) {
                    lines++;
                }
                lineStart = i + 1;
            }
        }
        return lines >= LIST_MIN_LINES && counts.getOrDefault(EntityType.PHONE, 0) >= 2;
    }

    private static String describe(EntityType t) {
        return switch (t) {
            case PHONE -> "phone number";
            case EMAIL -> "e-mail address";
            case ADDRESS -> "postal address";
            case SOCIAL_HANDLE -> "social media handle";
            case SOCIAL_URL -> "social profile link";
            case NATIONAL_ID -> "identity number";
            case IBAN -> "bank account (IBAN)";
            case GEO -> "geographic coordinates";
            case PLATE -> "vehicle plate";
            case DOB -> "date of birth";
        };
    }

    public double threshold() {
        return threshold;
    }
}
