package io.vigil.standalone.commands;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.standalone.Pipeline;
import io.vigil.standalone.demo.DemoSecret;
import io.vigil.standalone.demo.DemoTraffic;
import io.vigil.standalone.embedded.EmbeddedKafka;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The embedded default: a real Kafka broker in this process, the three services, demo traffic, the alert feed page. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run Vigil end to end on this machine: an embedded single-node KRaft Kafka broker on 127.0.0.1,",
                "the detector, enricher and sink in this JVM (each its own Kafka Streams application), demo traffic,",
                "and the moderator page with the live alert feed. Ctrl-C stops everything cleanly."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Port of the embedded broker (0: any free port; default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            description = "Use this Kafka cluster instead of starting the embedded broker.")
    String bootstrapServers;

    @Option(names = "--data-dir", defaultValue = ".vigil/demo", description = "Kafka data, Streams state and demo media (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the data directory first: new cluster, empty topics.")
    boolean fresh;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of every chat-keyed topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address the HTTP endpoints listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--sink-port", defaultValue = "8080", description = "Alert feed page and sink API (default: ${DEFAULT-VALUE}).")
    int sinkPort;

    @Option(names = "--issuer-port", defaultValue = "8090", description = "The demo's identity provider (default: ${DEFAULT-VALUE}).")
    int issuerPort;

    @Option(names = "--detector-port", defaultValue = "8081", description = "Detector /metrics and /health (default: ${DEFAULT-VALUE}).")
    int detectorPort;

    @Option(names = "--enricher-port", defaultValue = "8082", description = "Enricher /metrics and /health (default: ${DEFAULT-VALUE}).")
    int enricherPort;

    @Option(names = "--rate", defaultValue = "2", description = "Demo messages per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--malformed-every", defaultValue = "150",
            description = "Every Nth demo record is malformed, to show the dead-letter topic (0: never; default: ${DEFAULT-VALUE}).")
    int malformedEvery;

    @Option(names = "--duration", defaultValue = "0", description = "Stop after this many seconds (0: run until Ctrl-C).")
    long durationSeconds;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        if (fresh) {
            deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        Path data = dataDir.toAbsolutePath().normalize();
        EmbeddedKafka kafka = bootstrapServers == null ? EmbeddedKafka.start(data, kafkaPort) : null;
        String servers = kafka == null ? bootstrapServers : kafka.bootstrapServers();
        Pipeline pipeline = Pipeline.start(new Pipeline.Settings(servers, data, partitions, host, detectorPort, enricherPort, sinkPort,
                issuerPort, DemoSecret.readOrCreate(data.resolve("doxxing-secret"))));
        DemoTraffic traffic = new DemoTraffic(servers, data.resolve("blobs"), rate, malformedEvery, 42);
        traffic.start();

        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            out.println("\nStopping Vigil...");
            traffic.close();
            pipeline.close();
            if (kafka != null) {
                kafka.close();
            }
            out.println("Stopped.");
            stopped.countDown();
        }, "vigil-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        out.println();
        out.println("Vigil demo is running.");
        out.println("  Kafka:          " + servers + (kafka == null ? " (external)" : " (embedded KRaft broker+controller)"));
        out.println("  Data directory: " + data);
        out.println("  Moderator page: http://" + host + ":" + pipeline.sink().httpPort() + "/   (sign in below)");
        out.println("  Identity:       " + pipeline.issuer().issuer() + "  (demo OpenID Connect issuer; key under " + data.resolve("identity") + ")");
        for (var user : pipeline.issuer().users().all()) {
            out.printf("                  %-6s password %s  roles %s%n", user.username(), user.password(), String.join(", ", user.roles()));
        }
        out.println("  Tokens:         ./vigil token --role moderator --user alice   (for scripts; ./vigil audit --from ... --to ...)");
        out.println("  Detector:       http://" + host + ":" + pipeline.detector().httpPort() + "/metrics  /health");
        out.println("  Enricher:       http://" + host + ":" + pipeline.enricher().httpPort() + "/metrics  /health");
        out.println("  Sink:           http://" + host + ":" + pipeline.sink().httpPort() + "/metrics  /health");
        out.println("  Traffic:        " + rate + " messages/s into 12 synthetic groups; Ctrl-C to stop.");
        out.println();

        long deadline = durationSeconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds) : Long.MAX_VALUE;
        while (!stopped.await(10, TimeUnit.SECONDS)) {
            out.printf("  sent %d messages (%d malformed) -> %d queue items, %d dead letters%n", traffic.sent(), traffic.malformed(),
                    (long) total(pipeline.sink().registry(), "vigil.queue.items"), (long) total(pipeline.detector().registry(), "vigil.dead.letters"));
            if (System.nanoTime() > deadline) {
                Runtime.getRuntime().removeShutdownHook(shutdown);
                shutdown.run();
            }
        }
        return 0;
    }

    private static double total(MeterRegistry registry, String counter) {
        return registry.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
