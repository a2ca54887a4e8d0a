package io.vigil.benchmarks.pipeline;

import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.Pipeline;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.apache.kafka.streams.KafkaStreams;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a pipeline's CPU goes when no message flows: the embedded broker and either the bare three-hop passthrough or
 * Vigil's services (as PipelineBenchmark starts them), left to settle, then every thread's CPU time over a sampling
 * window, grouped by thread name with ids and numbers folded, so that the idle cost can be attributed to the threads
 * that spend it (issue 13). The pipelines run one after the other in the same JVM and broker. With {@code --text=N}
 * each pipeline first carries N generated text messages to its output, so that its stores hold what traffic leaves
 * (queue items, pending messages, memories) as in PipelineBenchmark's idle phase, and then settles.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.pipeline.IdleThreads [--pipelines=passthrough,vigil] [--settle=60] [--sample=60] [--partitions=6] [--text=0] [--top=30]
 * </pre>
 */
public final class IdleThreads {

    /** Kafka Streams' client ids carry a random UUID, and thread names carry indexes: both folded to group alike threads. */
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final String SECRET = "idle-threads-benchmark-secret-0123456789";

    private IdleThreads() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String arg : argv) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            args.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        List<String> pipelines = List.of(args.getOrDefault("pipelines", "passthrough,vigil").split(","));
        long settleSeconds = Long.parseLong(args.getOrDefault("settle", "60"));
        long sampleSeconds = Long.parseLong(args.getOrDefault("sample", "60"));
        int partitions = Integer.parseInt(args.getOrDefault("partitions", "6"));
        int top = Integer.parseInt(args.getOrDefault("top", "30"));
        int textMessages = Integer.parseInt(args.getOrDefault("text", "0"));
        int threads = Runtime.getRuntime().availableProcessors();

        Path dir = Files.createTempDirectory("vigil-idle-threads");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0)) {
            String bootstrap = kafka.bootstrapServers();
            PipelineBenchmark.createTopics(bootstrap, partitions);
            try (BenchmarkTraffic traffic = new BenchmarkTraffic(bootstrap, 20_000, 16)) {
                for (String name : pipelines) {
                    try (AutoCloseable pipeline = start(name, bootstrap, dir.resolve(name), partitions, threads)) {
                        if (textMessages > 0) {
                            carry(bootstrap, traffic, name, textMessages);
                        }
                        Thread.sleep(settleSeconds * 1000);
                        try (LogGrowth growth = new LogGrowth(bootstrap)) {
                            growth.mark();
                            sample(name, sampleSeconds, top);
                            // Every exactly-once commit writes __transaction_state and a marker per partition it touched,
                            // also when it carries no record: what the broker's threads above spend comes from here.
                            growth.sinceMark().forEach((topic, entries) -> System.out.printf("   log entries while idle: %6d  %s%n", entries, topic));
                        }
                    }
                }
            }
        }
        System.exit(0);
    }

    private static AutoCloseable start(String name, String bootstrap, Path dir, int partitions, int threads) {
        switch (name) {
            case "passthrough" -> {
                Passthrough passthrough = new Passthrough(bootstrap, dir, new Passthrough.Settings(threads, 100, 100));
                PipelineBenchmark.await(passthrough::running);
                return passthrough;
            }
            case "vigil" -> {
                Pipeline pipeline = Pipeline.start(new Pipeline.Settings(bootstrap, dir, partitions, "127.0.0.1", 0, 0, 0, 0, SECRET));
                PipelineBenchmark.await(() -> Stream.of(pipeline.detector(), pipeline.enricher(), pipeline.sink(), pipeline.compliance())
                        .flatMap(s -> s.allStreams().stream()).allMatch(s -> s.state() == KafkaStreams.State.RUNNING));
                return pipeline;
            }
            default -> throw new IllegalArgumentException("--pipelines takes passthrough and vigil, not " + name);
        }
    }

    private static void carry(String bootstrap, BenchmarkTraffic traffic, String pipeline, int count) {
        String input = pipeline.equals("vigil") ? Topics.MESSAGE_EVENTS.name() : Passthrough.IN;
        String output = pipeline.equals("vigil") ? Topics.RISK_ASSESSMENTS.name() : Passthrough.OUT;
        try (Arrivals arrivals = new Arrivals(bootstrap, List.of(output))) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> traffic.burst(input, count, i -> traffic.text()));
            int arrived = arrivals.await(count, Duration.ofSeconds(20), r -> -1).count();
            sending.join();
            System.out.printf("%s carried %,d of %,d text messages; settling%n", pipeline, arrived, count);
        }
    }

    private static void sample(String pipeline, long seconds, int top) throws InterruptedException {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = cpuByThread(bean);
        long processBefore = ProcessCpu.nanos();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000);
        long elapsed = System.nanoTime() - start;
        long process = ProcessCpu.nanos() - processBefore;
        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Integer> threadsByGroup = new TreeMap<>();
        for (long id : bean.getAllThreadIds()) {
            ThreadInfo info = bean.getThreadInfo(id);
            long now = bean.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            String group = group(info.getThreadName());
            byGroup.merge(group, now - before.getOrDefault(id, 0L), Long::sum);
            threadsByGroup.merge(group, 1, Integer::sum);
        }
        long threadsTotal = byGroup.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%n== %s, idle for %d s: process %.3f CPU-s/s, its threads %.3f CPU-s/s (the rest: GC, JIT, exited threads), load average %s%n",
                pipeline, seconds, process / (double) elapsed, threadsTotal / (double) elapsed, ProcessCpu.loadAverage());
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("   %7.4f CPU-s/s  %3d threads  %s%n", e.getValue() / (double) elapsed,
                        threadsByGroup.get(e.getKey()), e.getKey()));
    }

    private static Map<Long, Long> cpuByThread(ThreadMXBean bean) {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : bean.getAllThreadIds()) {
            long nanos = bean.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }

    static String group(String threadName) {
        return NUMBER.matcher(UUID.matcher(threadName).replaceAll("<id>")).replaceAll("#");
    }
}
