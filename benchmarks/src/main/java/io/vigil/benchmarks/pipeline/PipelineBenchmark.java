package io.vigil.benchmarks.pipeline;

import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.CleanupPolicy;
import io.vigil.schemas.topics.Partitioning;
import io.vigil.schemas.topics.TopicSpec;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.Pipeline;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * Vigil end to end against a bare three-hop exactly-once passthrough, in one run on the embedded broker, on the same
 * generated traffic: throughput of text (to risk-assessments), latency from sentAt to the moderator queues and to
 * risk-assessments at a fixed rate (half of Vigil's maximum), throughput of images (against Vigil with one stream
 * thread per stage, the shape it had before the media stage), and text latency while images flow. Figures are printed;
 * docs/benchmarks.md has a run and how to read it.
 *
 * <pre>
 * mvn -B -q -DskipTests -pl benchmarks -am package
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.pipeline.PipelineBenchmark [--text=40000] [--images=400] [--seconds=15] [--partitions=6] [--threads=N] [--rounds=3] [--warm-up=N] [--latency-rate=N] [--only=text|images]
 *     [--set=enricher/kafka.commit-interval-ms=50,sink/kafka.commit-interval-ms=50] [--baseline-commit-interval-ms=100] [--baseline-linger-ms=100]
 *     [--alternate-set=enricher/kafka.commit-interval-ms=30]
 * </pre>
 *
 * <p>{@code --set} overrides single settings of Vigil's services (service/key=value, comma-separated), as
 * {@code vigil <service> --set key=value} would: a setting's trade-off measured in the same harness.
 * {@code --alternate-set} (same form) adds phases that measure the queue latency with those settings and with the run's
 * own, alternating, Vigil restarted for each.
 */
public final class PipelineBenchmark {

    private static final Duration QUIET = Duration.ofSeconds(20);
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final String SECRET = "pipeline-benchmark-secret-0123456789";
    private static final List<String> SERVICES = List.of("detector", "enricher", "sink", "compliance");

    private final int textMessages;
    private final int imageMessages;
    private final int seconds;
    private final int partitions;
    /** --only=text skips the image phases: a shorter run to profile the text path. */
    private final boolean images;
    /** --only=images runs the two image phases alone (one thread per stage, then as shipped): to profile the media path. */
    private final boolean text;
    /** Stream threads per Streams application, the baseline's and Vigil's (--threads; default: one per processor). */
    private final int threads;
    /**
     * Text messages each pipeline gets before a text round is measured (--warm-up; default a quarter of --text). Vigil's
     * code is far larger than the passthrough's, and on two cores the JIT keeps compiling it for a minute or more: a
     * longer warm-up measures closer to a long-running deployment (each phase prints the JIT's share of its CPU).
     */
    private final int warmUp;
    /** Alternating rounds of the text throughput phase, each pipeline's figure the median over them (--rounds). */
    private final int rounds;
    /**
     * The latency phases' rate (--latency-rate; default 0: half of Vigil's measured maximum), fixed so that runs that
     * compare settings measure their latencies at the same rate.
     */
    private final double latencyRate;
    /**
     * The baseline's exactly-once settings: Vigil's shipped commit interval and producer linger (kafka.commit-interval-ms,
     * kafka.producer-linger-ms in the services' YAML), or what --baseline-commit-interval-ms and --baseline-linger-ms
     * say, so that a run that varies Vigil's settings can give the baseline the same ones.
     */
    private final Passthrough.Settings baseline;
    /** Settings of Vigil's services that this run overrides (--set), by service. */
    private final Map<String, Map<String, String>> serviceSettings;
    /** Settings whose queue latency is compared with this run's own (--alternate-set), in alternating phases. */
    private final Map<String, Map<String, String>> alternateSettings;
    private final List<String> report = new ArrayList<>();

    private PipelineBenchmark(Map<String, String> args) {
        textMessages = Integer.parseInt(args.getOrDefault("text", "40000"));
        imageMessages = Integer.parseInt(args.getOrDefault("images", "400"));
        seconds = Integer.parseInt(args.getOrDefault("seconds", "15"));
        partitions = Integer.parseInt(args.getOrDefault("partitions", "6"));
        images = !"text".equals(args.get("only"));
        text = !"images".equals(args.get("only"));
        int perProcessor = Runtime.getRuntime().availableProcessors();
        threads = Integer.parseInt(args.getOrDefault("threads", Integer.toString(perProcessor)));
        rounds = Integer.parseInt(args.getOrDefault("rounds", "3"));
        warmUp = Integer.parseInt(args.getOrDefault("warm-up", Integer.toString(textMessages / 4)));
        latencyRate = Double.parseDouble(args.getOrDefault("latency-rate", "0"));
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, not " + rounds);
        }
        serviceSettings = serviceSettings(args.getOrDefault("set", ""));
        alternateSettings = serviceSettings(args.getOrDefault("alternate-set", ""));
        baseline = new Passthrough.Settings(threads, Integer.parseInt(args.getOrDefault("baseline-commit-interval-ms", "100")),
                Integer.parseInt(args.getOrDefault("baseline-linger-ms", "100")));
    }

    /** "enricher/kafka.commit-interval-ms=50,sink/kafka.commit-interval-ms=50" -> per service, key -> value. */
    static Map<String, Map<String, String>> serviceSettings(String list) {
        Map<String, Map<String, String>> settings = new java.util.TreeMap<>();
        for (String item : list.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] serviceAndSetting = item.trim().split("/", 2);
            String[] keyAndValue = serviceAndSetting.length == 2 ? serviceAndSetting[1].split("=", 2) : new String[0];
            if (keyAndValue.length != 2 || !SERVICES.contains(serviceAndSetting[0])) {
                throw new IllegalArgumentException("--set takes service/key=value items with a service of " + SERVICES + ", not: " + item);
            }
            settings.computeIfAbsent(serviceAndSetting[0], s -> new java.util.TreeMap<>()).put(keyAndValue[0], keyAndValue[1]);
        }
        return settings;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new java.util.HashMap<>();
        for (String arg : argv) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        new PipelineBenchmark(args).run();
        System.exit(0);
    }

    private void run() throws Exception {
        // The broker's logs and the services' state: some 300 MB a run, of no use once the figures are printed.
        Path dir = Files.createTempDirectory("vigil-pipeline-bench");
        try {
            runIn(dir);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void runIn(Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            String bootstrap = kafka.bootstrapServers();
            createTopics(bootstrap, partitions);
            try (BenchmarkTraffic traffic = new BenchmarkTraffic(bootstrap, 20_000, 16)) {
                line("service settings overridden: %s; baseline: commit interval %d ms, producer linger %d ms",
                        serviceSettings.isEmpty() ? "none" : serviceSettings, baseline.commitIntervalMs(), baseline.producerLingerMs());
                line("machine: %d processors, Java %s, %d partitions, %d stream threads per Streams application",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), partitions, threads);

                if (!text) {
                    imagesOnly(bootstrap, traffic, dir);
                    summary();
                    return;
                }
                // 1. Text throughput: the baseline and Vigil in alternating rounds (see textRounds).
                TextRounds alternated = textRounds(bootstrap, traffic, dir);
                double passthroughRate = alternated.passthrough().median();
                double textRate = alternated.vigil().median();

                // 2. Images with one stream thread per stage: the detector's shape before its media stage.
                double imagesBefore = images ? imagesWithOneThreadPerStage(bootstrap, traffic, dir) : Double.NaN;

                // 3. Vigil as shipped, started again on the state the text rounds left.
                double half;
                try (Pipeline pipeline = vigil(bootstrap, dir.resolve("vigil"), threads)) {
                    throughput(bootstrap, traffic, Topics.MESSAGE_EVENTS.name(), List.of(Topics.RISK_ASSESSMENTS.name()), textMessages / 4,
                            i -> traffic.text(), "warm-up");
                    double imagesRate = images ? throughput(bootstrap, traffic, Topics.MESSAGE_EVENTS.name(),
                            List.of(Topics.RISK_ASSESSMENTS.name()), imageMessages, i -> traffic.image(), "Vigil, images") : Double.NaN;

                    half = latencyRate > 0 ? latencyRate : textRate / 2;
                    Percentiles toQueue = queueLatencyByHop(bootstrap, traffic, half);
                    Percentiles toAssessment = latency(bootstrap, traffic, Topics.MESSAGE_EVENTS.name(), List.of(Topics.RISK_ASSESSMENTS.name()),
                            half, i -> traffic.text(), PipelineBenchmark::timestamp, "Vigil, text at half its maximum: sentAt to risk-assessments");
                    Percentiles textWithImages = images ? textWhileImagesFlow(bootstrap, traffic, half, imagesRate / 2) : Percentiles.of(new long[0]);

                    line("");
                    line("text throughput, medians of %d alternating rounds: Vigil %,.0f msg/s vs passthrough %,.0f msg/s: ratio %.2f (goal >= 0.5);"
                                    + " per CPU-second %,.0f vs %,.0f: ratio %.2f", alternated.vigil().rates().size(), textRate, passthroughRate,
                            textRate / passthroughRate, alternated.vigil().perCpuSecondMedian(), alternated.passthrough().perCpuSecondMedian(),
                            alternated.vigil().perCpuSecondMedian() / alternated.passthrough().perCpuSecondMedian());
                    line("text at %,.0f msg/s (%s), sentAt to queue: %s (goal p99 < 500 ms)", half,
                            latencyRate > 0 ? "fixed by --latency-rate; half of Vigil's maximum: " + Math.round(textRate / 2) : "half of Vigil's maximum",
                            toQueue);
                    line("text at %,.0f msg/s, sentAt to risk-assessments: %s", half, toAssessment);
                    if (images) {
                        line("images: %,.1f images/s vs %,.1f with one thread per stage: %.2fx", imagesRate, imagesBefore, imagesRate / imagesBefore);
                        line("text at %,.0f msg/s while images flow at %,.1f/s, sentAt to risk-assessments: %s (alone: p99 %d ms)",
                                half, imagesRate / 2, textWithImages, toAssessment.p99());
                    }
                }

                // 3b. The queue latency with other settings, alternating with this run's own.
                if (!alternateSettings.isEmpty()) {
                    compareQueueLatency(bootstrap, traffic, dir, half);
                }

                // 4. The baseline's latency at the same rate.
                try (Passthrough passthrough = new Passthrough(bootstrap, dir.resolve("passthrough-again"), baseline)) {
                    await(passthrough::running);
                    Percentiles bare = latency(bootstrap, traffic, Passthrough.IN, List.of(Passthrough.OUT), half, i -> traffic.text(),
                            PipelineBenchmark::timestamp, "passthrough, text: sentAt to bench-out");
                    line("passthrough at %,.0f msg/s, sentAt to its third hop: %s", half, bare);
                }
            }
        }
        summary();
    }

    private void summary() {
        System.out.println();
        System.out.println("== summary");
        report.stream().filter(l -> !l.isEmpty()).forEach(l -> System.out.println("   " + l));
    }

    /** Each pipeline's text throughput, round by round. */
    private record TextRounds(RoundFigures passthrough, RoundFigures vigil) {
    }

    /**
     * Text throughput of the baseline and of Vigil in alternating rounds (passthrough, Vigil, passthrough, Vigil, ...),
     * each pipeline started afresh in its round (on the state its previous round left) and warmed by the same quarter
     * burst before it is measured, only one of them running at a time. Measuring the baseline once, first, in a cold
     * JVM made the ratio depend on the order: the JIT, the broker's caches and the machine's neighbours all move
     * between phases, and alternating spreads that drift over both pipelines. The idle cost is measured in the last
     * round, with the JVM warm.
     */
    private TextRounds textRounds(String bootstrap, BenchmarkTraffic traffic, Path dir) {
        RoundFigures passthroughRounds = new RoundFigures();
        RoundFigures vigilRounds = new RoundFigures();
        for (int round = 1; round <= rounds; round++) {
            boolean last = round == rounds;
            try (Passthrough passthrough = new Passthrough(bootstrap, dir.resolve("passthrough"), baseline)) {
                await(passthrough::running);
                throughput(bootstrap, traffic, Passthrough.IN, List.of(Passthrough.OUT), warmUp, i -> traffic.text(), "warm-up");
                passthroughRounds.add(measure(bootstrap, traffic, Passthrough.IN, List.of(Passthrough.OUT), textMessages, i -> traffic.text(),
                        "passthrough, text, round " + round));
                if (last) {
                    idle("passthrough");
                }
            }
            try (Pipeline pipeline = vigil(bootstrap, dir.resolve("vigil"), threads)) {
                throughput(bootstrap, traffic, Topics.MESSAGE_EVENTS.name(), List.of(Topics.RISK_ASSESSMENTS.name()), warmUp,
                        i -> traffic.text(), "warm-up");
                try (LogGrowth growth = new LogGrowth(bootstrap)) {
                    growth.mark();
                    vigilRounds.add(measure(bootstrap, traffic, Topics.MESSAGE_EVENTS.name(), List.of(Topics.RISK_ASSESSMENTS.name()),
                            textMessages, i -> traffic.text(), "Vigil, text, round " + round));
                    growth.sinceMark().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                            .forEach(e -> line("   log entries per text message, %-58s %6.3f", e.getKey(), e.getValue() / (double) textMessages));
                }
                if (last) {
                    idle("Vigil");
                }
            }
            List<Double> p = passthroughRounds.rates();
            List<Double> v = vigilRounds.rates();
            line("round %d: ratio %.2f (Vigil %,.0f / passthrough %,.0f msg/s)", round, v.get(round - 1) / p.get(round - 1),
                    v.get(round - 1), p.get(round - 1));
        }
        return new TextRounds(passthroughRounds, vigilRounds);
    }

    /** The image phases alone: the one-thread-per-stage shape, then Vigil as shipped, on the same images. */
    private void imagesOnly(String bootstrap, BenchmarkTraffic traffic, Path dir) {
        double before = imagesWithOneThreadPerStage(bootstrap, traffic, dir);
        double shipped;
        try (Pipeline pipeline = vigil(bootstrap, dir.resolve("vigil"), threads)) {
            throughput(bootstrap, traffic, Topics.MESSAGE_EVENTS.name(), List.of(Topics.RISK_ASSESSMENTS.name()), imageMessages / 4,
                    i -> traffic.image(), "warm-up");
            shipped = throughput(bootstrap, traffic, Topics.MESSAGE_EVENTS.name(), List.of(Topics.RISK_ASSESSMENTS.name()),
                    imageMessages, i -> traffic.image(), "Vigil, images");
        }
        line("");
        line("images: %,.1f images/s vs %,.1f with one thread per stage: %.2fx", shipped, before, shipped / before);
    }

    private double imagesWithOneThreadPerStage(String bootstrap, BenchmarkTraffic traffic, Path dir) {
        try (Pipeline pipeline = vigil(bootstrap, dir.resolve("one-thread"), 1)) {
            throughput(bootstrap, traffic, Topics.MESSAGE_EVENTS.name(), List.of(Topics.RISK_ASSESSMENTS.name()), imageMessages / 4,
                    i -> traffic.image(), "warm-up");
            return throughput(bootstrap, traffic, Topics.MESSAGE_EVENTS.name(), List.of(Topics.RISK_ASSESSMENTS.name()),
                    imageMessages, i -> traffic.image(), "Vigil, 1 thread per stage, images");
        }
    }

    private Pipeline vigil(String bootstrap, Path dataDir, int threadsPerStage) {
        return vigil(bootstrap, dataDir, threadsPerStage, serviceSettings);
    }

    private Pipeline vigil(String bootstrap, Path dataDir, int threadsPerStage, Map<String, Map<String, String>> overridden) {
        Map<String, Map<String, String>> settings = new java.util.HashMap<>();
        for (String service : SERVICES) {
            Map<String, String> own = new java.util.HashMap<>(overridden.getOrDefault(service, Map.of()));
            own.put("kafka.num-stream-threads", Integer.toString(threadsPerStage));
            settings.put(service, own);
        }
        Pipeline pipeline = Pipeline.start(new Pipeline.Settings(bootstrap, dataDir, partitions, "127.0.0.1", 0, 0, 0, 0, SECRET),
                new Pipeline.ServiceOverrides(Map.of(), settings));
        await(() -> Stream.of(pipeline.detector(), pipeline.enricher(), pipeline.sink()).flatMap(s -> s.allStreams().stream())
                .allMatch(s -> s.state() == KafkaStreams.State.RUNNING));
        return pipeline;
    }

    /** Sends {@code count} as fast as the producer goes; the rate is counted from the first send to the last output. */
    private double throughput(String bootstrap, BenchmarkTraffic traffic, String input, List<String> outputs, int count,
                              java.util.function.IntFunction<io.vigil.schemas.MessageEvent> message, String label) {
        return measure(bootstrap, traffic, input, outputs, count, message, label).perSecond();
    }

    private RoundFigures.Throughput measure(String bootstrap, BenchmarkTraffic traffic, String input, List<String> outputs, int count,
                                            java.util.function.IntFunction<io.vigil.schemas.MessageEvent> message, String label) {
        try (Arrivals arrivals = new Arrivals(bootstrap, outputs)) {
            long start = System.nanoTime();
            long cpuStart = ProcessCpu.nanos();
            long jitStart = ProcessCpu.jitNanos();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> traffic.burst(input, count, message));
            Arrivals.Result result = arrivals.await(count, QUIET, r -> -1);
            sending.join();
            double cpuSeconds = (ProcessCpu.nanos() - cpuStart) / 1e9;
            double jitSeconds = (ProcessCpu.jitNanos() - jitStart) / 1e9;
            double rate = result.count() / ((result.lastArrivalNanos() - start) / 1e9);
            if (!label.equals("warm-up")) {
                line("%-50s %,8d in, %,8d out, %,10.1f /s, %,8.1f per CPU-second (%.1f CPU-s, load average %s)",
                        label, count, result.count(), rate, result.count() / cpuSeconds, cpuSeconds, ProcessCpu.loadAverage());
                line("   of which the JIT's compiler threads: %.1f CPU-s (%.0f%%); per CPU-second without them %,.1f", jitSeconds,
                        100 * jitSeconds / cpuSeconds, result.count() / Math.max(1e-3, cpuSeconds - jitSeconds));
            }
            if (result.count() < count) {
                line("   (only %d of %d arrived within the quiet time)", result.count(), count);
            }
            return new RoundFigures.Throughput(rate, result.count() / cpuSeconds);
        }
    }

    /**
     * What the JVM spends with no traffic at all (polling, heartbeats, metrics, the broker's own work): the share of
     * a throughput phase's CPU that does not grow with the messages.
     */
    private void idle(String label) {
        long cpuStart = ProcessCpu.nanos();
        long start = System.nanoTime();
        try {
            Thread.sleep(IDLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line("%-50s idle: %.2f CPU-seconds per second (load average %s)", label,
                (ProcessCpu.nanos() - cpuStart) / (double) (System.nanoTime() - start), ProcessCpu.loadAverage());
    }

    private Percentiles latency(String bootstrap, BenchmarkTraffic traffic, String input, List<String> outputs, double perSecond,
                                java.util.function.IntFunction<io.vigil.schemas.MessageEvent> message,
                                ToLongFunction<ConsumerRecord<byte[], byte[]>> sentAt, String label) {
        try (Arrivals arrivals = new Arrivals(bootstrap, outputs)) {
            CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(() -> traffic.paced(input, perSecond, seconds, message));
            Arrivals.Result result = arrivals.await(Integer.MAX_VALUE, Duration.ofSeconds(5), sentAt);
            sending.join();
            Percentiles percentiles = Percentiles.of(result.latenciesMillis());
            line("%-50s at %,8.0f /s: %s", label, perSecond, percentiles);
            return percentiles;
        }
    }

    /**
     * Text at {@code perSecond}: sentAt to the queues, and to each topic a queue item passes on its way (detections,
     * network-requests, network-facts, risk-assessments), read at once by one read-committed consumer, so that each
     * exactly-once hop's share of the queue latency is measured in the same run. Records of every message count in the
     * intermediate topics (a queue item's message is one of them).
     */
    private Percentiles queueLatencyByHop(String bootstrap, BenchmarkTraffic traffic, double perSecond) {
        List<String> hops = List.of(Topics.DETECTIONS.name(), Topics.NETWORK_REQUESTS.name(), Topics.NETWORK_FACTS.name(),
                Topics.RISK_ASSESSMENTS.name());
        List<String> topics = new ArrayList<>(hops);
        topics.addAll(queueTopics());
        try (Arrivals arrivals = new Arrivals(bootstrap, topics)) {
            long cpuStart = ProcessCpu.nanos();
            CompletableFuture<Integer> sending = CompletableFuture.supplyAsync(() ->
                    traffic.paced(Topics.MESSAGE_EVENTS.name(), perSecond, seconds, i -> traffic.text()));
            Arrivals.Result result = arrivals.await(Integer.MAX_VALUE, Duration.ofSeconds(5), PipelineBenchmark::timestamp);
            int sent = sending.join();
            // At a fixed rate the CPU a message costs is what a setting trades for latency (e.g. more commits).
            line("   CPU at %,8.0f /s: %.2f CPU-ms per message over the phase, quiet tail included (load average %s)", perSecond,
                    (ProcessCpu.nanos() - cpuStart) / 1e6 / sent, ProcessCpu.loadAverage());
            for (String hop : hops) {
                line("   sentAt to %-40s at %,8.0f /s: %s", hop, perSecond, Percentiles.of(result.latenciesOf(List.of(hop))));
            }
            Percentiles percentiles = Percentiles.of(result.latenciesOf(queueTopics()));
            line("%-50s at %,8.0f /s: %s", "Vigil, text at half its maximum: sentAt to the queues", perSecond, percentiles);
            return percentiles;
        }
    }

    /**
     * The queue latency (and each hop's) at {@code perSecond} with this run's settings and with the alternate ones,
     * in alternating phases (own, alternate, own, alternate, ... for --rounds rounds), Vigil started afresh with each
     * on the same state and warmed the same way: a setting's effect on the latency measured against what it replaces
     * under the same load, which on a shared machine moves more between runs than most settings do.
     */
    private void compareQueueLatency(String bootstrap, BenchmarkTraffic traffic, Path dir, double perSecond) {
        Map<String, Map<String, String>> alternate = new java.util.TreeMap<>();
        serviceSettings.forEach((service, own) -> alternate.put(service, new java.util.TreeMap<>(own)));
        alternateSettings.forEach((service, other) -> alternate.computeIfAbsent(service, s -> new java.util.TreeMap<>()).putAll(other));
        List<Map<String, Map<String, String>>> variants = List.of(serviceSettings, alternate);
        List<List<Double>> p99s = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> p50s = List.of(new ArrayList<>(), new ArrayList<>());
        for (int round = 1; round <= rounds; round++) {
            for (int v = 0; v < variants.size(); v++) {
                line("queue latency, round %d, %s: %s", round, v == 0 ? "this run's settings" : "alternate settings",
                        variants.get(v).isEmpty() ? "as shipped" : variants.get(v));
                try (Pipeline pipeline = vigil(bootstrap, dir.resolve("vigil"), threads, variants.get(v))) {
                    throughput(bootstrap, traffic, Topics.MESSAGE_EVENTS.name(), List.of(Topics.RISK_ASSESSMENTS.name()), textMessages / 4,
                            i -> traffic.text(), "warm-up");
                    Percentiles queue = queueLatencyByHop(bootstrap, traffic, perSecond);
                    p99s.get(v).add((double) queue.p99());
                    p50s.get(v).add((double) queue.p50());
                }
            }
        }
        line("queue latency at %,.0f msg/s, medians of %d alternating rounds: this run's settings p50 %.0f, p99 %.0f ms;"
                        + " alternate %s p50 %.0f, p99 %.0f ms", perSecond, rounds, RoundFigures.median(p50s.get(0)), RoundFigures.median(p99s.get(0)),
                alternateSettings, RoundFigures.median(p50s.get(1)), RoundFigures.median(p99s.get(1)));
    }

    /** Text at {@code textRate} and images at {@code imageRate} at once; the latency of the text messages alone. */
    private Percentiles textWhileImagesFlow(String bootstrap, BenchmarkTraffic traffic, double textRate, double imageRate) {
        AvroSerde<RiskAssessment> serde = AvroSerde.of(RiskAssessment.class);
        try (Arrivals arrivals = new Arrivals(bootstrap, List.of(Topics.RISK_ASSESSMENTS.name()));
             BenchmarkTraffic images = new BenchmarkTraffic(bootstrap, 10, 16)) {
            CompletableFuture<Integer> imageSending = CompletableFuture.supplyAsync(() ->
                    images.paced(Topics.MESSAGE_EVENTS.name(), imageRate, seconds, i -> images.image()));
            CompletableFuture<Integer> textSending = CompletableFuture.supplyAsync(() ->
                    traffic.paced(Topics.MESSAGE_EVENTS.name(), textRate, seconds, i -> traffic.text()));
            Arrivals.Result result = arrivals.await(Integer.MAX_VALUE, Duration.ofSeconds(5), record -> {
                RiskAssessment assessment = serde.deserialize(record.topic(), record.value());
                return assessment.getDetection().getMedia().isEmpty() ? record.timestamp() : -1;
            });
            imageSending.join();
            textSending.join();
            Percentiles percentiles = Percentiles.of(result.latenciesMillis());
            line("%-50s at %,8.0f /s: %s", "Vigil, text while images flow at " + String.format("%.1f/s", imageRate), textRate, percentiles);
            return percentiles;
        }
    }

    private static long timestamp(ConsumerRecord<byte[], byte[]> record) {
        return record.timestamp();
    }

    private List<String> queueTopics() {
        return List.of("urgent", "ncii", "doxxing", "review").stream().map(q -> Topics.queue(q).name()).toList();
    }

    static void createTopics(String bootstrap, int partitions) {
        List<TopicSpec> topics = new ArrayList<>(Topics.all(List.of("urgent", "ncii", "doxxing", "review")));
        for (String name : Passthrough.TOPICS) {
            topics.add(new TopicSpec(name, "chat id", byte[].class, CleanupPolicy.DELETE, Optional.of(Duration.ofHours(1)),
                    Partitioning.BY_CHAT, "benchmark baseline"));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicCreator.ensure(admin, topics, partitions, (short) 1);
        }
    }

    static void await(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(180);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not running within 180 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        report.add(text);
        System.out.println(text);
    }
}
