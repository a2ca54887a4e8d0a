package io.vigil.detector.doxxing.scoring;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.PriorCues;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;
import io.vigil.detector.doxxing.lexicon.PhraseMatcher;
import io.vigil.detector.doxxing.recognizers.ClockTimes;
import io.vigil.detector.doxxing.recognizers.LabelledFields;
import io.vigil.detector.doxxing.recognizers.WeekdayRanges;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
    /** The threshold as every reason shows it, formatted once. */
    private final String thresholdText;

    public ExposureScorer(ScoringWeights weights, double threshold) {
        if (!(threshold > 0.0 && threshold < 1.0)) {
            throw new IllegalArgumentException("doxxing threshold must be in (0,1), got " + threshold);
        }
        this.weights = weights;
        this.threshold = threshold;
        this.thresholdText = twoDecimals(threshold);
    }

    /** What the scorer needs to know about one entity: its kind and where it is. */
    public record EntityRef(EntityType type, int start, int end) {
    }

    public record Exposure(double score, boolean doxxing, List<String> reasons) {
    }

    /**
     * The evidence of one message: feature values in {@link ScoringWeights#FEATURES} order, the reasons, and whether
     * its only data is one weak clue (see {@link #weakClueOnly}), which the score never turns into an exposure.
     */
    public record Evidence(double[] features, List<String> reasons, boolean weakClueOnly) {
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
        List<String> reasons = new ArrayList<>(evidence.reasons());
        if (evidence.weakClueOnly()) {
            // The labelling policy: a first name, a school or a neighbourhood alone singles no one out, however
            // pointed the words around it; the score is capped below the threshold and says why.
            score = Math.min(score, threshold / 2);
            reasons.add("against: one weak clue (a first name, a school or a place alone) singles no one out");
        }
        boolean doxxing = score >= threshold;
        reasons.add(0, (doxxing ? "exposes a third person" : "not judged an exposure") + " (score " + twoDecimals(score)
                + ", threshold " + thresholdText + ")");
        return new Exposure(score, doxxing, reasons);
    }

    /**
     * Whether these cues, as the sender's previous message, can change how the next message is scored. Pointing at
     * someone always can (it ties a single quasi-identifier to a person and is a feature of its own); being about the
     * writer or an organisation only through the weight of its feature, which also decides whether it is a reason
     * (the bundled weights give it 0). Cues that cannot change anything need not be remembered.
     */
    public boolean readsAsPrior(PriorCues cues) {
        return cues.pointsAtSomeone()
                || cues.aboutWriterOrOrganisation() && weights.weight(ExposureFeature.PREVIOUS_NOT_ABOUT_SOMEONE) != 0.0;
    }

    /**
     * {@code String.format(Locale.ROOT, "%.2f", x)} without a Formatter per message, which parses its pattern and
     * builds the locale's number symbols on every call. The Formatter rounds half up the decimal digits that
     * {@link Double#toString} gives, and so does {@link BigDecimal#valueOf} with {@link RoundingMode#HALF_UP}; a
     * negative value (the Formatter writes "-0.00") or a value that is not finite goes to the Formatter itself.
     */
    static String twoDecimals(double x) {
        if (!Double.isFinite(x) || Math.copySign(1.0, x) < 0) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Feature values and reasons; {@code weights} only decide which cues are worth a reason and their sign. */
    public static Evidence evidence(String text, List<EntityRef> entities, List<PhraseHit> cues, boolean followsImage,
                                    PriorCues prior, ScoringWeights weights) {
        double[] f = new double[ScoringWeights.FEATURES.size()];
        List<String> reasons = new ArrayList<>();
        f[0] = 1.0;
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        for (EntityRef e : entities) {
            counts.merge(e.type(), 1, Integer::sum);
        }
        List<String> kinds = new ArrayList<>();
        for (EntityType t : EntityType.values()) {
            int n = counts.getOrDefault(t, 0);
            f[ScoringWeights.index(t)] = n > 0 ? 1.0 : 0.0;
            if (n > 0) {
                kinds.add(describe(t) + (n > 1 ? " ×" + n : ""));
            }
        }
        reasons.add("personal data: " + String.join(", ", kinds));
        Features named = new Features(f, reasons, weights);
        named.set(ExposureFeature.ADDITIONAL_ENTITY, Math.min(entities.size() - 1, weights.maxAdditional()), null);

        Map<CueKind, List<String>> byKind = new EnumMap<>(CueKind.class);
        List<PhraseHit> outside = new ArrayList<>();
        for (PhraseHit h : cues) {
            if (!insideEntity(h, entities) && !namesAnOrganisationsThing(h, cues) && !namesHerWorkplace(h, cues)) {
                byKind.computeIfAbsent(h.kind(), k -> new ArrayList<>()).add(text.substring(h.start(), h.end()));
                outside.add(h);
            }
        }
        named.cue(byKind, ExposureFeature.TARGETING, "language about another person's data or whereabouts",
                CueKind.TARGETING, CueKind.RESIDENCE);
        named.cue(byKind, ExposureFeature.INCITEMENT, "calls to contact or harass", CueKind.INCITEMENT);
        named.cue(byKind, ExposureFeature.RELATIVES, "relatives' or partner's data", CueKind.RELATIVE);
        named.cue(byKind, ExposureFeature.DEROGATORY, "insults about the person", CueKind.DEROGATORY);
        named.cue(byKind, ExposureFeature.THIRD_PERSON, "refers to a third person", CueKind.THIRD_PERSON);
        named.set(ExposureFeature.FOLLOWS_IMAGE, followsImage ? 1.0 : 0.0,
                "follows an image from the same sender in this chat");
        named.set(ExposureFeature.LIST, isList(text, entities, counts) ? 1.0 : 0.0, "several people's data listed");
        named.cue(byKind, ExposureFeature.FIRST_PERSON, "the writer speaks of themselves", CueKind.FIRST_PERSON);
        named.cue(byKind, ExposureFeature.SELF_CONTACT, "the writer shares their own contact", CueKind.SELF_CONTACT);
        named.cue(byKind, ExposureFeature.BUSINESS, "business or advertising vocabulary", CueKind.BUSINESS);
        named.cue(byKind, ExposureFeature.INSTITUTION, "official body or helpline", CueKind.INSTITUTION);
        named.cue(byKind, ExposureFeature.NEWS, "news or announcement", CueKind.NEWS);
        named.set(ExposureFeature.PRICE, PRICE.matcher(text).find() ? 1.0 : 0.0, "mentions a price or amount");
        // One quasi-identifier is a guess ("she goes to NYU"); a name with a school, a workplace with a place, or a
        // place with her routine ("every Monday at 7") singles a person out.
        long quasiCount = entities.stream().filter(e -> e.type().quasiIdentifier()).count();
        boolean routine = byKind.containsKey(CueKind.PLACE_INTRO) || byKind.containsKey(CueKind.ROUTINE)
                || byKind.containsKey(CueKind.CLASS_YEAR) || WeekdayRanges.any(text)
                || ClockTimes.any(text);
        boolean otherData = entities.stream().anyMatch(e -> !e.type().quasiIdentifier());
        boolean quasi = quasiCount >= 2 || (quasiCount == 1 && (routine || otherData || prior.pointsAtSomeone()));
        boolean tied = quasi && (followsImage || dossier(text, cues) || byKind.containsKey(CueKind.DEROGATORY) || byKind.containsKey(CueKind.TARGETING)
                || byKind.containsKey(CueKind.THIRD_PERSON) || byKind.containsKey(CueKind.INCITEMENT) || prior.pointsAtSomeone());
        named.set(ExposureFeature.QUASI_IDENTIFIER_TIED, tied ? 1.0 : 0.0,
                "name, school, workplace or places tied to a third person");
        named.set(ExposureFeature.PREVIOUS_MESSAGE, prior.pointsAtSomeone() ? 1.0 : 0.0,
                "the sender's previous message pointed at a third person");
        named.cue(byKind, ExposureFeature.PUBLIC_ENTITY, "public figure, office or event", CueKind.PUBLIC_FIGURE, CueKind.EVENT);
        boolean single = entities.size() == 1 && entities.get(0).type().quasiIdentifier();
        named.set(ExposureFeature.SINGLE_QUASI_IDENTIFIER, single ? 1.0 : 0.0, "a single name or place, no other data");
        Owners owners = owners(text, entities, outside);
        named.set(ExposureFeature.DATA_OF_THIRD_PERSON, owners.third ? 1.0 : 0.0, "the data is said to be someone else's");
        named.set(ExposureFeature.DATA_OF_WRITER, owners.onlyWriter() ? 1.0 : 0.0, "the data is said to be the writer's own");
        named.set(ExposureFeature.DATA_OF_ORGANISATION, owners.onlyOrganisation() ? 1.0 : 0.0,
                "the data is said to be an organisation's");
        named.set(ExposureFeature.PREVIOUS_NOT_ABOUT_SOMEONE, prior.aboutWriterOrOrganisation() ? 1.0 : 0.0,
                "the sender's previous message was about themselves or a business");
        return new Evidence(f, reasons, weakClueOnly(text, entities, routine, prior));
    }

    /**
     * A profile posted as labelled fields: a name field and a field of where she studies, works or spends her time
     * ("name: … | works: …"). Filling in where to find a named person is pointing at her, with or without a pronoun.
     */
    private static boolean dossier(String text, List<PhraseHit> cues) {
        boolean name = false;
        boolean where = false;
        for (PhraseHit h : cues) {
            if (h.kind() == CueKind.NAME_FIELD && LabelledFields.isField(text, h)) {
                name = true;
            } else if ((h.kind() == CueKind.SCHOOL_FIELD || h.kind() == CueKind.WORK_FIELD
                    || h.kind() == CueKind.PLACE_FIELD) && LabelledFields.isField(text, h)) {
                where = true;
            }
        }
        return name && where;
    }

    /**
     * The message's only data are quasi-identifiers that single no one out: one of them, with no routine (a weekday,
     * a clock time) and no previous message pointing at someone, and not a full name (two words or more).
     */
    static boolean weakClueOnly(String text, List<EntityRef> entities, boolean routine, PriorCues prior) {
        if (entities.size() != 1 || !entities.get(0).type().quasiIdentifier() || routine || prior.pointsAtSomeone()) {
            return false;
        }
        EntityRef e = entities.get(0);
        String name = text.substring(e.start(), e.end()).strip();
        // Chinese writes a full name without a space: a surname and a given name are three ideographs or more
        // ("赵梦琪"); two are as often a nickname ("小美").
        boolean fullName = e.type() == EntityType.PERSON_NAME && (name.indexOf(' ') > 0
                || name.length() >= 3 && name.chars().allMatch(c -> PhraseMatcher.isIdeographic((char) c)));
        return !fullName;
    }

    /** Cue kinds that make "the number of …", "the account of …" an organisation's: "el número de factura". */
    private static final Set<CueKind> ORGANISATIONS_THINGS = EnumSet.of(CueKind.BUSINESS, CueKind.INSTITUTION,
            CueKind.NOT_PHONE_LABEL, CueKind.NOT_PHONE_CONTEXT);
    /** How close the organisation's word follows a targeting phrase to take it over. */
    private static final int OWNED_BY_NEXT_WORD = 8;

    /** A targeting phrase followed at once by an invoice, an order, a shop or an office is about that, not a person. */
    private static boolean namesAnOrganisationsThing(PhraseHit h, List<PhraseHit> cues) {
        if (h.kind() != CueKind.TARGETING) {
            return false;
        }
        for (PhraseHit next : cues) {
            if (ORGANISATIONS_THINGS.contains(next.kind()) && next.start() >= h.end()
                    && next.start() - h.end() <= OWNED_BY_NEXT_WORD) {
                return true;
            }
        }
        return false;
    }

    /** Cue kinds of an organisation that, right after "she works at" or a job, are her workplace instead. */
    private static final Set<CueKind> WORKPLACE_WORDS = EnumSet.of(CueKind.BUSINESS, CueKind.INSTITUTION,
            CueKind.PUBLIC_FIGURE);
    /** How far after the work phrase ("fa la receptionist nello studio di") the workplace's word may start. */
    private static final int WORKPLACE_AFTER_WORK = 24;

    /**
     * A shop's, a clinic's or an office's word right after a work phrase or a job ("trabaja en la farmacia", "fa la
     * receptionist nello studio", "faz estágio na clínica") names where she works, not who is speaking: the data
     * after it is where she can be found, which the work phrase says (see {@link #THIRD_PERSON_OWNER}).
     */
    private static boolean namesHerWorkplace(PhraseHit h, List<PhraseHit> cues) {
        if (!WORKPLACE_WORDS.contains(h.kind())) {
            return false;
        }
        for (PhraseHit work : cues) {
            if (work.kind() == CueKind.WORK_INTRO && work.end() <= h.start()
                    && h.start() - work.end() <= WORKPLACE_AFTER_WORK) {
                return true;
            }
        }
        return false;
    }

    /**
     * A work phrase with its verb or preposition ("trabaja en", "fa la receptionist", "caissière à") is said of someone
     * else (the writer's own work is a self-contact phrase), so the place after it is where she can be found. A job
     * noun alone ("waitress", "ofisiant") is not: a job advert names the job too.
     */
    private static boolean saysWhereSheWorks(PhraseHit h) {
        return h.kind() == CueKind.WORK_INTRO && h.phrase().text().indexOf(' ') > 0;
    }

    /** Owner cue kinds: who a datum belongs to, as the words next to it say. */
    private static final Set<CueKind> THIRD_PERSON_OWNER = EnumSet.of(CueKind.TARGETING, CueKind.RESIDENCE,
            CueKind.THIRD_PERSON, CueKind.RELATIVE, CueKind.DEROGATORY);
    private static final Set<CueKind> WRITER_OWNER = EnumSet.of(CueKind.SELF_CONTACT);
    private static final Set<CueKind> ORGANISATION_OWNER = EnumSet.of(CueKind.BUSINESS, CueKind.INSTITUTION,
            CueKind.NEWS, CueKind.PUBLIC_FIGURE, CueKind.EVENT);
    /** How far from a datum an owner cue may be, before and after it, within the same line. */
    private static final int OWNER_BEFORE = 60;
    private static final int OWNER_AFTER = 40;

    /** For each datum, the owner its nearest owner cue names; the message's data taken together. */
    private record Owners(boolean third, boolean writer, boolean organisation) {
        boolean onlyWriter() {
            return writer && !third && !organisation;
        }

        boolean onlyOrganisation() {
            return organisation && !third && !writer;
        }
    }

    private static Owners owners(String text, List<EntityRef> entities, List<PhraseHit> cues) {
        boolean third = false;
        boolean writer = false;
        boolean organisation = false;
        boolean namedOrganisation = entities.stream().anyMatch(e -> e.type() == EntityType.ORGANISATION);
        for (EntityRef e : entities) {
            if (e.type().quasiIdentifier()) {
                continue;
            }
            PhraseHit nearest = null;
            int best = Integer.MAX_VALUE;
            for (PhraseHit h : cues) {
                if (!(THIRD_PERSON_OWNER.contains(h.kind()) || saysWhereSheWorks(h) || WRITER_OWNER.contains(h.kind())
                        || ORGANISATION_OWNER.contains(h.kind()))) {
                    continue;
                }
                int gap;
                if (h.end() <= e.start()) {
                    gap = e.start() - h.end();
                    if (gap > OWNER_BEFORE || text.indexOf('\n', h.end()) >= 0 && text.indexOf('\n', h.end()) < e.start()) {
                        continue;
                    }
                } else if (h.start() >= e.end()) {
                    gap = h.start() - e.end();
                    if (gap > OWNER_AFTER || text.indexOf('\n', e.end()) >= 0 && text.indexOf('\n', e.end()) < h.start()) {
                        continue;
                    }
                } else {
                    continue;
                }
                if (gap < best) {
                    best = gap;
                    nearest = h;
                }
            }
            if (nearest == null) {
                // A shop or an office that names itself owns the contact data it posts ("Tallers Rius: … 938 …").
                organisation |= namedOrganisation;
                continue;
            }
            if (THIRD_PERSON_OWNER.contains(nearest.kind()) || saysWhereSheWorks(nearest)) {
                third = true;
            } else if (WRITER_OWNER.contains(nearest.kind())) {
                writer = true;
            } else {
                organisation = true;
            }
        }
        return new Owners(third, writer, organisation);
    }

    /** Writes named feature values into the vector and a reason for each present one that carries weight. */
    private record Features(double[] f, List<String> reasons, ScoringWeights weights) {
        void set(ExposureFeature feature, double value, String reason) {
            f[ScoringWeights.index(feature)] = value;
            double w = weights.weight(feature);
            if (value != 0.0 && reason != null && w != 0.0) {
                reasons.add((w < 0 ? "against: " : "") + reason);
            }
        }

        void cue(Map<CueKind, List<String>> byKind, ExposureFeature feature, String words, CueKind... kinds) {
            List<String> phrases = new ArrayList<>();
            for (CueKind k : kinds) {
                phrases.addAll(byKind.getOrDefault(k, List.of()));
            }
            if (phrases.isEmpty()) {
                return;
            }
            List<String> quoted = phrases.stream().map(p -> "'" + p.toLowerCase(Locale.ROOT) + "'").distinct()
                    .limit(QUOTED_CUES).toList();
            set(feature, 1.0, words + " (" + String.join(", ", quoted) + ")");
        }
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
