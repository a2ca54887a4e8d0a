package io.vigil.detector;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.detector.banks.BankIndex;
import io.vigil.detector.banks.FloodDetector;
import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.detector.media.DecodeLimits;
import io.vigil.detector.media.ImageDecoder;
import io.vigil.detector.nudity.NudityClassifier;
import io.vigil.detector.ocr.ImageTextReader;
import io.vigil.detector.ocr.OcrLanguages;
import io.vigil.detector.nudity.RuntimeOptions;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.detector.steps.BankMatching;
import io.vigil.detector.steps.DetectionAssembly;
import io.vigil.detector.steps.ImageAnalysis;
import io.vigil.detector.steps.MediaFetching;
import io.vigil.detector.steps.MediaHashing;
import io.vigil.detector.steps.MessageValidation;
import io.vigil.detector.steps.TextScanning;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.runtime.testing.StreamsTestSupport;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The detector topology with its real steps (decoder, PDQ, the bundled nudity model, the doxxing detector) in a
 * TopologyTestDriver, and its topics.
 */
final class DetectorHarness implements AutoCloseable {

    static final String SECRET = "test-secret-of-sufficient-length";
    /** One classifier for every test in the JVM: its ONNX session is what takes time to create. */
    private static final NudityClassifier CLASSIFIER = NudityClassifier.openDefault(RuntimeOptions.cpu());

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, MessageEvent> events;
    final TestInputTopic<String, HashBankEntry> bank;
    final TestInputTopic<String, GroupMetadata> groups;
    final TestOutputTopic<String, Detection> detections;
    final TestOutputTopic<byte[], DeadLetter> deadLetters;

    DetectorHarness(Path blobRoot, PdqMatchPolicy pdqPolicy, boolean classify) {
        this(blobRoot, pdqPolicy, classify, Optional.empty());
    }

    /** With OCR of images through {@code ocr} (languages from the group's hints, as the service configures them). */
    DetectorHarness(Path blobRoot, PdqMatchPolicy pdqPolicy, boolean classify, Optional<ImageTextReader> ocr) {
        DetectorMetrics metrics = new DetectorMetrics(registry);
        BankIndex banks = new BankIndex(pdqPolicy);
        DoxxingDetector doxxing = DoxxingDetector.create(DoxxingConfig.defaults(SECRET.getBytes(StandardCharsets.UTF_8)));
        var topology = new DetectorTopology(new DetectorSteps(new MessageValidation(10),
                new MediaFetching(new BlobStore(blobRoot, 10_000_000), metrics), new MediaHashing(),
                new ImageAnalysis(new ImageDecoder(DecodeLimits.defaults()), new PdqHasher(),
                        classify ? Optional.of(CLASSIFIER) : Optional.empty(), metrics, ocr,
                        new OcrLanguages(java.util.Map.of("es", "spa", "en", "eng"), java.util.Map.of("ES", java.util.List.of("spa")),
                                java.util.List.of("eng"), OcrLanguages.defaultTessdata()), 2),
                new BankMatching(banks, new FloodDetector(Duration.ofMinutes(1), 3, 5, Clock.systemUTC()), metrics),
                new TextScanning(doxxing, registry),
                new DetectionAssembly(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
                banks, Duration.ofMinutes(10), metrics)).build();
        driver = StreamsTestSupport.driver(topology, "detector-test", registry);
        events = driver.createInputTopic(Topics.MESSAGE_EVENTS.name(), new StringSerializer(), AvroSerde.of(MessageEvent.class));
        bank = driver.createInputTopic(Topics.HASH_BANK.name(), new StringSerializer(), AvroSerde.of(HashBankEntry.class));
        groups = driver.createInputTopic(Topics.GROUP_METADATA.name(), new StringSerializer(), AvroSerde.of(GroupMetadata.class));
        detections = driver.createOutputTopic(Topics.DETECTIONS.name(), new StringDeserializer(), AvroSerde.of(Detection.class));
        deadLetters = StreamsTestSupport.deadLetters(driver);
    }

    @Override
    public void close() {
        driver.close();
    }
}
