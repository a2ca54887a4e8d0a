package io.vigil.detector.doxxing.scoring;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.PriorCues;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    /** An amount of money: a currency sign or code next to a number. */
    private static final Pattern PRICE = Pattern.compile(
            "(?i)(?:[€$£¥₽₼]|\\b(?:eur|euros?|usd|gbp|rub|руб\\.?|rm|ksh|kes|azn|manat|reais|r\\$|元|块)\\b)\\s?\\d"
                    + "|\\d(?:[.,]\\d+)?\\s?(?:[€$£¥₽₼元块]|(?:eur|euros?|usd|gbp|rub|руб|rm|ksh|kes|azn|manat|reais|pavos|pesos|cup|mlc|ringgit|shilingi)\\b)");

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

    /** The evidence of one message: feature values in {@link ScoringWeights#FEATURES} order, and the reasons. */
    public record Evidence(double[] features, List<String> reasons) {
    }

    public Exposure score(String text, List<EntityRef> entities, List<PhraseHit> cues, boolean followsImage) {
        return score(text, entities, cues, followsImage, PriorCues.NONE);
    }

    public Exposure score(String text, List<EntityRef> entities, List<PhraseHit> cues, boolean followsImage,
                          PriorCues prior) {
        if (entities.isEmpty()) {
            return new Exposure(0.0, false, List.of("no personal data found"));
        }
        Evidence evidence = evidence(text, entities, cues, followsImage, prior, weights);
        double[] w = weights.vector();
        double logit = 0.0;
        for (int i = 0; i < w.length; i++) {
            logit += w[i] * evidence.features()[i];
        }
        double score = 1.0 / (1.0 + Math.exp(-logit));
        boolean doxxing = score >= threshold;
        List<String> reasons = new ArrayList<>(evidence.reasons());
        reasons.add(0, String.format(Locale.ROOT, "%s (score %.2f, threshold %.2f)",
                doxxing ? "exposes a third person" : "not judged an exposure", score, threshold));
        return new Exposure(score, doxxing, reasons);
    }

    /** Feature values and reasons; {@code weights} only decide which cues are worth a reason and their sign. */
    public static Evidence evidence(String text, List<EntityRef> entities, List<PhraseHit> cues, boolean followsImage,
                                    PriorCues prior, ScoringWeights weights) {
        double[] f = new double[ScoringWeights.FEATURES.size()];
        List<String> reasons = new ArrayList<>();
        int i = 0;
        f[i++] = 1.0;
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        for (EntityRef e : entities) {
            counts.merge(e.type(), 1, Integer::sum);
        }
        List<String> kinds = new ArrayList<>();
        for (EntityType t : EntityType.values()) {
            int n = counts.getOrDefault(t, 0);
            f[i++] = n > 0 ? 1.0 : 0.0;
            if (n > 0) {
                kinds.add(describe(t) + (n > 1 ? " ×" + n : ""));
            }
        }
        reasons.add("personal data: " + String.join(", ", kinds));
        f[i++] = Math.min(entities.size() - 1, weights.maxAdditional());

        Map<CueKind, List<String>> byKind = new EnumMap<>(CueKind.class);
        for (PhraseHit h : cues) {
            if (!insideEntity(h, entities)) {
                byKind.computeIfAbsent(h.kind(), k -> new ArrayList<>()).add(text.substring(h.start(), h.end()));
            }
        }
        f[i++] = cue(byKind, reasons, weights.targeting(), "language about another person's data or whereabouts",
                CueKind.TARGETING, CueKind.RESIDENCE);
        f[i++] = cue(byKind, reasons, weights.incitement(), "calls to contact or harass", CueKind.INCITEMENT);
        f[i++] = cue(byKind, reasons, weights.relatives(), "relatives' or partner's data", CueKind.RELATIVE);
        f[i++] = cue(byKind, reasons, weights.derogatory(), "insults about the person", CueKind.DEROGATORY);
        f[i++] = cue(byKind, reasons, weights.thirdPerson(), "refers to a third person", CueKind.THIRD_PERSON);
        f[i++] = followsImage ? 1.0 : 0.0;
        if (followsImage) {
            reasons.add("follows an image from the same sender in this chat");
        }
        boolean list = isList(text, entities, counts);
        f[i++] = list ? 1.0 : 0.0;
        if (list) {
            reasons.add("several people's data listed");
        }
        f[i++] = cue(byKind, reasons, weights.firstPerson(), "the writer speaks of themselves", CueKind.FIRST_PERSON);
        f[i++] = cue(byKind, reasons, weights.selfContact(), "the writer shares their own contact", CueKind.SELF_CONTACT);
        f[i++] = cue(byKind, reasons, weights.business(), "business or advertising vocabulary", CueKind.BUSINESS);
        f[i++] = cue(byKind, reasons, weights.institution(), "official body or helpline", CueKind.INSTITUTION);
        f[i++] = cue(byKind, reasons, weights.news(), "news or announcement", CueKind.NEWS);
        boolean price = PRICE.matcher(text).find();
        f[i++] = price ? 1.0 : 0.0;
        if (price && weights.price() != 0.0) {
            reasons.add((weights.price() < 0 ? "against: " : "") + "mentions a price or amount");
        }
        // One quasi-identifier is a guess ("she goes to NYU"); a name with a school, a workplace with a place, or a
        // place with her routine ("every Monday at 7") singles a person out.
        long quasiCount = entities.stream().filter(e -> e.type().quasiIdentifier()).count();
        boolean routine = byKind.containsKey(CueKind.PLACE_INTRO);
        boolean otherData = entities.stream().anyMatch(e -> !e.type().quasiIdentifier());
        boolean quasi = quasiCount >= 2 || (quasiCount == 1 && (routine || otherData || prior.pointsAtSomeone()));
        boolean tied = quasi && (followsImage || byKind.containsKey(CueKind.DEROGATORY) || byKind.containsKey(CueKind.TARGETING)
                || byKind.containsKey(CueKind.THIRD_PERSON) || byKind.containsKey(CueKind.INCITEMENT) || prior.pointsAtSomeone());
        f[i++] = tied ? 1.0 : 0.0;
        if (tied) {
            reasons.add("name, school, workplace or places tied to a third person");
        }
        f[i++] = prior.pointsAtSomeone() ? 1.0 : 0.0;
        if (prior.pointsAtSomeone()) {
            reasons.add("the sender's previous message pointed at a third person");
        }
        f[i++] = cue(byKind, reasons, weights.publicEntity(), "public figure, office or event", CueKind.PUBLIC_FIGURE, CueKind.EVENT);
        boolean single = entities.size() == 1 && entities.get(0).type().quasiIdentifier();
        f[i] = single ? 1.0 : 0.0;
        if (single && weights.singleQuasiIdentifier() < 0) {
            reasons.add("against: a single name or place, no other data");
        }
        return new Evidence(f, reasons);
    }

    private static double cue(Map<CueKind, List<String>> byKind, List<String> reasons, double weight, String words,
                              CueKind... kinds) {
        List<String> phrases = new ArrayList<>();
        for (CueKind k : kinds) {
            phrases.addAll(byKind.getOrDefault(k, List.of()));
        }
        if (phrases.isEmpty()) {
            return 0.0;
        }
        if (weight != 0.0) {
            List<String> quoted = phrases.stream().map(p -> "'" + p.toLowerCase(Locale.ROOT) + "'").distinct()
                    .limit(QUOTED_CUES).toList();
            reasons.add((weight < 0 ? "against: " : "") + words + " (" + String.join(", ", quoted) + ")");
        }
        return 1.0;
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
            case PAYMENT_CARD -> "payment card number";
            case PERSON_NAME -> "a person's name";
            case SCHOOL -> "place of study";
            case WORKPLACE -> "workplace";
            case PLACE -> "neighbourhood or routine place";
            case ORGANISATION -> "organisation";
        };
    }

    public double threshold() {
        return threshold;
    }
}
