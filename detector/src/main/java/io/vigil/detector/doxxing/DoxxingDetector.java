package io.vigil.detector.doxxing;

import io.vigil.detector.doxxing.lexicon.CueLanguages;
import io.vigil.detector.doxxing.lexicon.Lexicon;
import io.vigil.detector.doxxing.lexicon.PhraseHit;
import io.vigil.detector.doxxing.privacy.KeyedHasher;
import io.vigil.detector.doxxing.recognizers.AddressRecognizer;
import io.vigil.detector.doxxing.recognizers.DobRecognizer;
import io.vigil.detector.doxxing.recognizers.EmailRecognizer;
import io.vigil.detector.doxxing.recognizers.Finding;
import io.vigil.detector.doxxing.recognizers.GeoRecognizer;
import io.vigil.detector.doxxing.recognizers.IbanRecognizer;
import io.vigil.detector.doxxing.recognizers.NationalIdRecognizer;
import io.vigil.detector.doxxing.recognizers.PaymentCardRecognizer;
import io.vigil.detector.doxxing.recognizers.PhoneRecognizer;
import io.vigil.detector.doxxing.recognizers.QuasiIdentifierRecognizer;
import io.vigil.detector.doxxing.recognizers.PlateRecognizer;
import io.vigil.detector.doxxing.recognizers.Recognizer;
import io.vigil.detector.doxxing.recognizers.ScanContext;
import io.vigil.detector.doxxing.recognizers.SocialPlatforms;
import io.vigil.detector.doxxing.recognizers.SocialRecognizer;
import io.vigil.detector.doxxing.scoring.ExposureScorer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * Finds personal data in a message and decides whether the message exposes a third person. Thread-safe; build one
 * per process. Clear values stay inside {@link #scan}: what it returns carries keyed hashes and masked previews only.
 */
public final class DoxxingDetector {

    /**
     * When two findings overlap, the one of the kind listed first wins: a link or an e-mail contains things that
     * look like handles and numbers, a checksummed number beats a phone-shaped reading of the same digits, and an
     * address is the loosest pattern of all.
     */
    static final List<EntityType> PRIORITY = List.of(EntityType.SOCIAL_URL, EntityType.EMAIL, EntityType.IBAN,
            EntityType.PAYMENT_CARD, EntityType.GEO, EntityType.NATIONAL_ID, EntityType.PHONE, EntityType.DOB,
            EntityType.PLATE, EntityType.SOCIAL_HANDLE, EntityType.ADDRESS, EntityType.SCHOOL, EntityType.WORKPLACE,
            EntityType.PLACE, EntityType.PERSON_NAME, EntityType.ORGANISATION);

    private final DoxxingConfig config;
    private final Lexicon lexicon;
    private final List<Recognizer> recognizers;
    private final KeyedHasher hasher;
    private final ExposureScorer scorer;
    private final CueLanguages cueLanguages;

    private DoxxingDetector(DoxxingConfig config) {
        this.config = config;
        this.lexicon = Lexicon.load(config.extraCueFiles());
        this.recognizers = List.of(new SocialRecognizer(SocialPlatforms.bundled()), new EmailRecognizer(lexicon),
                new IbanRecognizer(), new PaymentCardRecognizer(), new GeoRecognizer(), new NationalIdRecognizer(),
                new PhoneRecognizer(config.fallbackRegions(), config.languageRegions(), lexicon), new DobRecognizer(),
                new PlateRecognizer(), new AddressRecognizer(), new QuasiIdentifierRecognizer());
        this.hasher = new KeyedHasher(config.hmacSecret());
        this.scorer = new ExposureScorer(config.weights(), config.threshold());
        this.cueLanguages = new CueLanguages(config.languageRegions());
    }

    public static DoxxingDetector create(DoxxingConfig config) {
        return new DoxxingDetector(config);
    }

    public DoxxingConfig config() {
        return config;
    }

    /**
     * Scans one message.
     *
     * @param text         the message text
     * @param countryHint  ISO 3166 alpha-2 country of the group, used to read national phone formats
     * @param followsImage whether the message follows an image from the same sender in the same chat within
     *                     {@link DoxxingConfig#imageWindow()}
     */
    public TextScan scan(String text, Optional<String> countryHint, boolean followsImage) {
        return scan(text, countryHint, followsImage, PriorCues.NONE);
    }

    /**
     * Scans one message knowing what the same sender's previous message in the chat pointed at ({@link TextScan#cues()}
     * of that message's scan, or {@link #priorCues} of its text).
     */
    public TextScan scan(String text, Optional<String> countryHint, boolean followsImage, PriorCues prior) {
        if (text == null || text.isBlank()) {
            return TextScan.EMPTY;
        }
        ScanContext ctx = new ScanContext(text, countryHint, lexicon);
        List<Finding> findings = new ArrayList<>();
        for (Recognizer r : recognizers) {
            r.find(ctx, findings);
        }
        List<Finding> kept = resolveOverlaps(findings);
        List<DetectedEntity> entities = new ArrayList<>(kept.size());
        List<ExposureScorer.EntityRef> refs = new ArrayList<>(kept.size());
        for (Finding f : kept) {
            entities.add(new DetectedEntity(f.type(), f.start(), f.end(), f.confidence(), f.format(),
                    hasher.hash(f.type(), f.normalisedValue()), f.maskedPreview()));
            refs.add(new ExposureScorer.EntityRef(f.type(), f.start(), f.end()));
        }
        List<PhraseHit> cues = exposureCues(ctx);
        ExposureScorer.Exposure exposure = scorer.score(text, refs, cues, followsImage, prior);
        return new TextScan(entities, exposure.score(), exposure.doxxing(), exposure.reasons(), PriorCues.of(cues));
    }

    /** Whether a message with these cues changes how the same sender's next message is scored. */
    public boolean changesTheNextScan(PriorCues cues) {
        return scorer.readsAsPrior(cues);
    }

    /** The cue kinds of a message, for scanning the same sender's next one (when only its text is at hand). */
    public PriorCues priorCues(String text) {
        if (text == null || text.isBlank()) {
            return PriorCues.NONE;
        }
        return PriorCues.of(lexicon.find(io.vigil.detector.doxxing.lexicon.TextFolding.fold(text)));
    }

    /**
     * The scorer's feature vector for one message ({@link io.vigil.detector.doxxing.scoring.ScoringWeights#FEATURES}
     * order), or null when no personal data is found or the only data is one weak clue (never an exposure, whatever
     * the weights); for fitting the weights on a labelled corpus.
     */
    public double[] features(String text, Optional<String> countryHint, boolean followsImage, PriorCues prior) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ScanContext ctx = new ScanContext(text, countryHint, lexicon);
        List<Finding> findings = new ArrayList<>();
        for (Recognizer r : recognizers) {
            r.find(ctx, findings);
        }
        List<ExposureScorer.EntityRef> refs = resolveOverlaps(findings).stream()
                .map(f -> new ExposureScorer.EntityRef(f.type(), f.start(), f.end())).toList();
        if (refs.isEmpty()) {
            return null;
        }
        ExposureScorer.Evidence evidence = ExposureScorer.evidence(text, refs, exposureCues(ctx), followsImage, prior,
                config.weights());
        return evidence.weakClueOnly() ? null : evidence.features();
    }

    /** The cue phrases the scorer weighs: those of the languages plausible for the message (see {@link CueLanguages}). */
    private List<PhraseHit> exposureCues(ScanContext ctx) {
        return cueLanguages.plausible(ctx.hits(), ctx.region());
    }

    /**
     * Keeps the best of overlapping findings (see {@link #PRIORITY}). The kept spans never overlap, so they live in a
     * map ordered by start and each check is one neighbour look-up: O(n log n) in the number of findings.
     */
    static List<Finding> resolveOverlaps(List<Finding> findings) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparingInt((Finding f) -> PRIORITY.indexOf(f.type()))
                .thenComparing(Comparator.comparingDouble(Finding::confidence).reversed())
                .thenComparing(Comparator.comparingInt((Finding f) -> f.end() - f.start()).reversed()));
        TreeMap<Integer, Finding> kept = new TreeMap<>();
        for (Finding f : ordered) {
            if (f.type() == EntityType.ADDRESS) {
                // A postcode or house number inside an address may read as a phone number; without a phone label
                // the address keeps it. A labelled phone stays a phone.
                kept.subMap(f.start(), true, f.end(), false).values().removeIf(k -> k.type() == EntityType.PHONE
                        && k.end() <= f.end() && k.confidence() < PhoneRecognizer.LABELLED_CONFIDENCE);
            }
            Map.Entry<Integer, Finding> before = kept.floorEntry(f.end() - 1);
            if (before == null || before.getValue().end() <= f.start()) {
                kept.put(f.start(), f);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
