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
import io.vigil.detector.ocr.TextInImages;
import io.vigil.detector.nudity.RuntimeOptions;
import io.vigil.detector.pdq.PdqHasher;
import io.vigil.detector.steps.BankMatching;
import io.vigil.detector.steps.DetectionAssembly;
import io.vigil.detector.steps.DetectionEncoding;
import io.vigil.detector.steps.MediaThreadPriority;
import io.vigil.detector.steps.ImageAnalysis;
import io.vigil.detector.steps.MediaFetching;
import io.vigil.detector.steps.MediaHashing;
import io.vigil.detector.steps.MessageValidation;
import io.vigil.detector.steps.TextScanning;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.runtime.testing.StreamsTestSupport;
import io.vigil.runtime.validation.GroupMetadataValidation;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The detector's two stages with their real steps (decoder, PDQ, the bundled nudity model, the doxxing detector), each
 * in a TopologyTestDriver, joined as the topics join them in a cluster: after every input, what the text stage wrote
 * to media-work and hash-bank-accepted is fed to the media stage, and the detections and dead letters of both are
 * collected in the order they were written.
 */
final class DetectorHarness implements AutoCloseable {

    static final String SECRET = "test-secret-of-sufficient-length";
    /** One classifier for every test in the JVM: its ONNX session is what takes time to create. */
    private static final NudityClassifier CLASSIFIER = NudityClassifier.openDefault(RuntimeOptions.cpu());
    static final DetectorConfig.Limits LIMITS = new DetectorConfig.Limits(16_384, 200, 100_000_000L, 250_000);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TopologyTestDriver mediaDriver;
    final DetectorTopology topology;
    final Input<MessageEvent> events;
    final Input<HashBankEntry> bank;
    final Input<GroupMetadata> groups;
    final Output<Detection> detections = new Output<>();
    final Output<DeadLetter> deadLetters = new Output<>();

    private final TestOutputTopic<byte[], byte[]> mediaWork;
    private final TestOutputTopic<byte[], byte[]> accepted;
    private final TestInputTopic<byte[], byte[]> mediaWorkIn;
    private final TestInputTopic<byte[], byte[]> acceptedIn;
    private final List<TestOutputTopic<String, Detection>> detectionOutputs = new ArrayList<>();
    private final List<TestOutputTopic<byte[], DeadLetter>> deadLetterOutputs = new ArrayList<>();

    /** OCR time per message for the tests that do not measure it: more than any test image needs. */
    private static final Duration OCR_PER_MESSAGE = Duration.ofMinutes(1);

    DetectorHarness(Path blobRoot, PdqMatchPolicy pdqPolicy, boolean classify) {
        this(blobRoot, pdqPolicy, classify, LIMITS, Optional.empty(), OCR_PER_MESSAGE);
    }

    DetectorHarness(Path blobRoot, PdqMatchPolicy pdqPolicy, boolean classify, DetectorConfig.Limits limits) {
        this(blobRoot, pdqPolicy, classify, limits, Optional.empty(), OCR_PER_MESSAGE);
    }

    /** With OCR of images through {@code ocr} (languages from the group's hints, as the service configures them). */
    DetectorHarness(Path blobRoot, PdqMatchPolicy pdqPolicy, boolean classify, Optional<ImageTextReader> ocr) {
        this(blobRoot, pdqPolicy, classify, LIMITS, ocr, OCR_PER_MESSAGE);
    }

    /** With OCR, and at most {@code ocrPerMessage} of it over one message's images. */
    DetectorHarness(Path blobRoot, PdqMatchPolicy pdqPolicy, boolean classify, Optional<ImageTextReader> ocr, Duration ocrPerMessage) {
        this(blobRoot, pdqPolicy, classify, LIMITS, ocr, ocrPerMessage);
    }

    DetectorHarness(Path blobRoot, PdqMatchPolicy pdqPolicy, boolean classify, DetectorConfig.Limits limits,
                    Optional<ImageTextReader> ocr, Duration ocrPerMessage) {
        DetectorMetrics metrics = new DetectorMetrics(registry);
        BankIndex banks = new BankIndex(pdqPolicy);
        DoxxingDetector doxxing = DoxxingDetector.create(DoxxingConfig.defaults(SECRET.getBytes(StandardCharsets.UTF_8)));
        topology = new DetectorTopology(new DetectorSteps(new MessageValidation(10, Clock.systemUTC()),
                new GroupMetadataValidation(), MediaThreadPriority.unchanged(),
                new MediaFetching(new BlobStore(blobRoot, 10_000_000), metrics), new MediaHashing(),
                new ImageAnalysis(new ImageDecoder(DecodeLimits.defaults()), new PdqHasher(),
                        classify ? Optional.of(CLASSIFIER) : Optional.empty(), limits.messagePixels(), metrics,
                        new TextInImages(ocr, new OcrLanguages(java.util.Map.of("es", "spa", "en", "eng"),
                                java.util.Map.of("ES", java.util.List.of("spa")), java.util.List.of("eng"), OcrLanguages.defaultTessdata()),
                                2, ocrPerMessage)),
                new BankMatching(banks, new FloodDetector(Duration.ofMinutes(1), 3, 5, Clock.systemUTC()), metrics),
                new TextScanning(doxxing, limits.textChars(), limits.entities(), registry),
                new DetectionAssembly(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
                new DetectionEncoding(limits.detectionBytes(), 1_000_000, metrics),
                banks, Duration.ofMinutes(10), metrics));
        driver = StreamsTestSupport.driver(topology.text(), "detector-test", registry);
        mediaDriver = StreamsTestSupport.driver(topology.media(), "detector-test-media", registry);
        events = new Input<>(driver.createInputTopic(Topics.MESSAGE_EVENTS.name(), new StringSerializer(), AvroSerde.of(MessageEvent.class)));
        bank = new Input<>(driver.createInputTopic(Topics.HASH_BANK.name(), new StringSerializer(), AvroSerde.of(HashBankEntry.class)));
        groups = new Input<>(driver.createInputTopic(Topics.GROUP_METADATA.name(), new StringSerializer(), AvroSerde.of(GroupMetadata.class)));
        mediaWork = driver.createOutputTopic(Topics.MEDIA_WORK.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        accepted = driver.createOutputTopic(Topics.HASH_BANK_ACCEPTED.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        mediaWorkIn = mediaDriver.createInputTopic(Topics.MEDIA_WORK.name(), new ByteArraySerializer(), new ByteArraySerializer());
        acceptedIn = mediaDriver.createInputTopic(Topics.HASH_BANK_ACCEPTED.name(), new ByteArraySerializer(), new ByteArraySerializer());
        for (TopologyTestDriver stage : List.of(driver, mediaDriver)) {
            detectionOutputs.add(stage.createOutputTopic(Topics.DETECTIONS.name(), new StringDeserializer(), AvroSerde.of(Detection.class)));
            deadLetterOutputs.add(StreamsTestSupport.deadLetters(stage));
        }
    }

    /** A topic of the text stage that takes raw bytes, for records that are not valid contracts. */
    Input<byte[]> raw(String topic) {
        TestInputTopic<byte[], byte[]> input = StreamsTestSupport.rawInput(driver, topic);
        return new Input<>(null) {
            @Override
            void pipeInput(String key, byte[] value) {
                input.pipeInput(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
                flow();
            }
        };
    }

    /** Moves what the text stage wrote on to the media stage, and collects both stages' outputs in order. */
    private void flow() {
        collect(0);
        while (!accepted.isEmpty() || !mediaWork.isEmpty()) {
            while (!accepted.isEmpty()) {
                TestRecord<byte[], byte[]> record = accepted.readRecord();
                acceptedIn.pipeInput(record.key(), record.value());
            }
            if (!mediaWork.isEmpty()) {
                TestRecord<byte[], byte[]> record = mediaWork.readRecord();
                mediaWorkIn.pipeInput(record.key(), record.value());
            }
            collect(1);
        }
    }

    private void collect(int stage) {
        detections.records.addAll(detectionOutputs.get(stage).readValuesToList());
        deadLetters.records.addAll(deadLetterOutputs.get(stage).readValuesToList());
    }

    class Input<V> {
        private final TestInputTopic<String, V> topic;

        Input(TestInputTopic<String, V> topic) {
            this.topic = topic;
        }

        void pipeInput(String key, V value) {
            topic.pipeInput(key, value);
            flow();
        }
    }

    static final class Output<V> {
        private final Deque<V> records = new ArrayDeque<>();

        V readValue() {
            if (records.isEmpty()) {
                throw new java.util.NoSuchElementException("no record written");
            }
            return records.removeFirst();
        }

        List<V> readValuesToList() {
            List<V> all = new ArrayList<>(records);
            records.clear();
            return all;
        }

        boolean isEmpty() {
            return records.isEmpty();
        }
    }


    @Override
    public void close() {
        driver.close();
        mediaDriver.close();
    }
}
