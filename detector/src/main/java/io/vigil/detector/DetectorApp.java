package io.vigil.detector;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.detector.banks.BankIndex;
import io.vigil.detector.banks.FloodDetector;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.nudity.ClassifierModel;
import io.vigil.detector.nudity.ExecutionProvider;
import io.vigil.detector.nudity.NudityClassifier;
import io.vigil.detector.nudity.RuntimeOptions;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.detector.steps.ImageAnalysis;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.detector.steps.BankMatching;
import io.vigil.detector.steps.DetectionAssembly;
import io.vigil.detector.steps.DetectionEncoding;
import io.vigil.detector.steps.MediaFetching;
import io.vigil.detector.steps.MediaThreadPriority;
import io.vigil.detector.steps.MediaHashing;
import io.vigil.detector.steps.MessageValidation;
import io.vigil.detector.steps.TextScanning;
import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.runtime.streams.StreamsApplication;
import io.vigil.runtime.streams.StreamsStage;
import io.vigil.runtime.validation.GroupMetadataValidation;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;

import io.vigil.detector.ocr.ImageTextReader;
import io.vigil.detector.ocr.OcrLanguages;
import io.vigil.detector.ocr.OcrUnavailableException;
import io.vigil.detector.ocr.TesseractReader;
import io.vigil.detector.ocr.TextInImages;
import io.vigil.detector.ocr.UnavailableTextReader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.List;

/** The detector service: reads message events, writes one Detection per message, in a text and a media stage. */
public final class DetectorApp implements StreamsApplication<DetectorConfig> {

    /** Appended to the application id for the media stage's consumer group, transactional ids and state. */
    public static final String MEDIA_STAGE_SUFFIX = "-media";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DetectorApp.class);

    @Override
    public String name() {
        return "detector";
    }

    /**
     * Two Streams applications: the text stage (application id as configured) and the media stage (with
     * {@code -media}), each with kafka.num-stream-threads threads, so that images never hold text behind them.
     */
    @Override
    public List<StreamsStage> stages(DetectorConfig config, MeterRegistry registry) {
        DetectorTopology topology = new DetectorTopology(steps(config, registry));
        return List.of(new StreamsStage("text", "", topology.text()), new StreamsStage("media", MEDIA_STAGE_SUFFIX, topology.media()));
    }

    static DetectorSteps steps(DetectorConfig config, MeterRegistry registry) {
        DetectorMetrics metrics = new DetectorMetrics(registry);
        BankIndex banks = new BankIndex(new PdqMatchPolicy(config.pdq().maxDistance(), config.pdq().matchDihedrals(),
                config.pdq().qualityFloor()));
        DoxxingDetector doxxing = DoxxingDetector.create(doxxingPolicy(config.doxxing()));
        DetectorConfig.Limits limits = config.limits();
        return new DetectorSteps(
                new MessageValidation(config.media().maxMediaPerMessage(), Clock.systemUTC()),
                new GroupMetadataValidation(),
                new MediaThreadPriority(config.media().threadNice()),
                new MediaFetching(new BlobStore(Path.of(config.media().blobRoot()), config.media().maxBlobBytes()), metrics),
                new MediaHashing(),
                new ImageAnalysis(new ImageDecoder(new DecodeLimits(config.media().maxPixels())), new PdqHasher(),
                        classifier(config.nudity()), limits.messagePixels(), metrics, textInImages(config.ocr())),
                new BankMatching(banks, new FloodDetector(Duration.ofSeconds(config.banks().floodWindowSeconds()),
                        config.banks().floodMinMatches(), config.banks().floodFactor(), Clock.systemUTC()), metrics),
                new TextScanning(doxxing, limits.textChars(), limits.entities(), registry),
                new DetectionAssembly(Clock.systemUTC()),
                new DetectionEncoding(limits.detectionBytes(), config.kafka().maxRecordBytes(), metrics),
                banks,
                doxxing.config().imageWindow(),
                metrics);
    }

    /** The classifier lives as long as the process: its ONNX Runtime session is shared by every stream thread. */
    static Optional<NudityClassifier> classifier(DetectorConfig.Nudity settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        RuntimeOptions options = RuntimeOptions.cpu().withIntraOpThreads(settings.intraOpThreads())
                .withProvider(ExecutionProvider.valueOf(settings.provider().toUpperCase(java.util.Locale.ROOT)));
        ClassifierModel model = settings.model() == null || settings.model().isBlank()
                ? ClassifierModel.defaultModel() : ClassifierModel.fromFile(Path.of(settings.model()));
        return Optional.of(NudityClassifier.open(model, options));
    }

    /** The OCR pool lives as long as the process and is shared by every stream thread. */
    private static Optional<ImageTextReader> textReader(DetectorConfig.Ocr settings) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TesseractReader(tessdata(settings), settings.threads(), settings.queue(),
                    Duration.ofMillis(settings.timeLimitMs()), settings.maxEdge(), settings.minTextLikelihood()));
        } catch (OcrUnavailableException e) {
            LOG.warn("OCR is enabled but unavailable: {}; images will say ocr_unavailable", e.getMessage());
            return Optional.of(new UnavailableTextReader(e.getMessage()));
        }
    }

    static TextInImages textInImages(DetectorConfig.Ocr settings) {
        return new TextInImages(textReader(settings), ocrLanguages(settings), settings.maxLanguages(),
                Duration.ofMillis(settings.messageTimeLimitMs()));
    }

    private static OcrLanguages ocrLanguages(DetectorConfig.Ocr settings) {
        return new OcrLanguages(settings.languages(), settings.countries(), settings.always(), tessdata(settings));
    }

    private static Optional<Path> tessdata(DetectorConfig.Ocr settings) {
        return settings.tessdata() == null || settings.tessdata().isBlank()
                ? OcrLanguages.defaultTessdata() : Optional.of(Path.of(settings.tessdata()));
    }

    static DoxxingConfig doxxingPolicy(DetectorConfig.Doxxing settings) {
        byte[] secret = settings.hmacSecret().getBytes(StandardCharsets.UTF_8);
        return settings.policyFile() == null || settings.policyFile().isBlank()
                ? DoxxingConfig.defaults(secret)
                : DoxxingConfig.load(Path.of(settings.policyFile()), secret);
    }

    @Override
    public List<TopicSpec> topics(DetectorConfig config) {
        return List.of(Topics.MESSAGE_EVENTS, Topics.GROUP_METADATA, Topics.HASH_BANK, Topics.HASH_BANK_ACCEPTED, Topics.MEDIA_WORK,
                Topics.DETECTIONS, Topics.DEAD_LETTERS);
    }

    /** Runs the detector with defaults, an optional YAML file as the first argument, and VIGIL_* variables. */
    public static void main(String[] args) {
        ConfigLoader loader = ConfigLoader.forService("detector");
        if (args.length > 0) {
            loader.file(Path.of(args[0]));
        }
        ServiceRunner.runUntilShutdown(new DetectorApp(), loader.load(DetectorConfig.class));
    }
}
