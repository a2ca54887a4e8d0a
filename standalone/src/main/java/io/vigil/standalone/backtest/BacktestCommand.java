package io.vigil.standalone.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.ingest.groups.GroupsFile;
import io.vigil.ingest.replay.ExportReplay;
import io.vigil.ingest.replay.Tally;
import io.vigil.runtime.config.ConfigException;
import io.vigil.runtime.streams.TopicCreator;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.Pipeline;
import io.vigil.standalone.VigilCli;
import io.vigil.standalone.commands.Folders;
import io.vigil.standalone.commands.replay.ExportOptions;
import io.vigil.standalone.demo.DemoSecret;
import io.vigil.standalone.embedded.EmbeddedKafka;
import io.vigil.standalone.embedded.KafkaLogFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigil backtest}: a policy run over history on a private pipeline, results as JSON lines. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a policy over Telegram exports before it goes live: starts a private embedded broker and the "
                + "detector, enricher and sink exactly as 'vigil demo' runs them (the same code, exactly-once, the configuration "
                + "given), replays the exports as fast as possible in event time, waits until every replayed message has its "
                + "RiskAssessment (or a dead letter), writes the results to --out, and stops.",
                "--out gets JSON lines: one per message (level, score, queue, doxxing and its entities' types and spans, media "
                        + "clusters, case, reasons), one per message the pipeline refused (dead_letter), then the network's findings: "
                        + "media clusters seen in two or more chats (spread), cases, and lineage.",
                "--compare OTHER.jsonl, the output of a run with another policy, prints the messages whose queue or level moved."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:done; the results are in --out", "1:the exports, the pipeline or the output failed",
                "2:invalid arguments, configuration or groups file", "4:the pipeline stalled (no results for --stall-timeout)"})
public final class BacktestCommand implements Callable<Integer> {

    static final int STALLED = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ExportOptions exportOptions;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The enricher's scoring policy to run (rules in YAML, as docs/enricher-memory.md describes; default: the built-in one).")
    Path policy;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML with a section per service (detector, enricher, sink), each as that service's --config takes it.")
    Path config;

    @Option(names = "--set", paramLabel = "SERVICE.KEY=VALUE",
            description = "Override one setting of one service, e.g. --set enricher.network.max-wait-ms=60000.")
    Map<String, String> settings = Map.of();

    @Option(names = "--bank", paramLabel = "NAME:CATEGORY:SOURCE[:TYPE]=FILE",
            description = "A hash list to load into the private cluster's banks before the replay, as 'vigil banks import' reads it, "
                    + "e.g. --bank ncii-stopncii:ncii:stopncii=stopncii.csv (TYPE: PDQ, MD5 or SHA256 for untyped 64-digit lists); repeatable.")
    Map<String, Path> banks = Map.of();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the JSON lines go (replaced).")
    Path out;

    @Option(names = "--compare", paramLabel = "OTHER.jsonl", description = "A previous backtest's --out: print the messages whose queue or level moved.")
    Path compare;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the private cluster's data, state, media and Kafka's log here (default: a temporary folder, deleted after).")
    Path dataDir;

    @Option(names = "--hmac-secret-file", paramLabel = "FILE", defaultValue = ".vigil/backtest/doxxing-secret",
            description = "The keyed-hash secret for personal data, created if missing; the same file keeps runs comparable (default: ${DEFAULT-VALUE}).")
    Path secretFile;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of every chat-keyed topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "Fail when the pipeline makes no progress for this long (default: ${DEFAULT-VALUE}).")
    long stallSeconds;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean temporary = dataDir == null;
        Path data = temporary ? Files.createTempDirectory("vigil-backtest-") : Files.createDirectories(dataDir);
        data = data.toAbsolutePath().normalize();
        try {
            Pipeline.ServiceOverrides overrides;
            GroupsFile groups;
            List<String[]> bankSpecs;
            try {
                bankSpecs = bankSpecs();
                overrides = BacktestConfig.overrides(policy, config, settings, data.resolve("config"));
                groups = exportOptions.groupsFile();
            } catch (GroupsFile.InvalidException e) {
                e.problems().forEach(p -> err.println("ERROR groups file " + p));
                return 2;
            } catch (IllegalArgumentException | IOException e) {
                err.println("ERROR " + e.getMessage());
                return 2;
            }
            Files.createDirectories(secretFile.toAbsolutePath().getParent());
            String secret = DemoSecret.readOrCreate(secretFile);
            Tally tally = new Tally();
            BacktestResults results;
            try (KafkaLogFile kafkaLog = KafkaLogFile.under(data);
                 EmbeddedKafka kafka = startedWithTopics(data, err, kafkaLog);
                 Pipeline pipeline = Pipeline.start(new Pipeline.Settings(kafka.bootstrapServers(), data, partitions, "127.0.0.1",
                         0, 0, 0, 0, secret), overrides);
                 ExportReplay replay = exportOptions.read(groups, data.resolve("blobs"), problem -> err.println("WARN " + problem), tally)) {
                importBanks(bankSpecs, kafka.bootstrapServers(), err);
                results = new Backtest(pipeline, kafka.bootstrapServers(), Duration.ofSeconds(Math.max(1, stallSeconds)), err)
                        .run(replay, Instant.now());
            } catch (Backtest.StalledException e) {
                err.println("ERROR " + e.getMessage());
                return STALLED;
            } catch (ConfigException e) {
                err.println("ERROR " + e.getMessage());
                return 2;
            } catch (BankImportFailed e) {
                err.println("ERROR " + e.getMessage());
                return 1;
            } catch (RuntimeException e) {
                err.println("ERROR the backtest failed: " + e.getMessage());
                return 1;
            }
            results.write(out, JSON);
            stdout.printf("backtest: %d message(s) assessed, %d dead-lettered; %d line(s) in %s%n",
                    results.assessed(), results.deadLettered(), results.lines(JSON).size(), out);
            if (compare != null) {
                printComparison(stdout, Comparison.of(compare, out, JSON));
            }
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("ERROR " + e.getMessage());
            return 2;
        } finally {
            if (temporary) {
                deleteRecursively(data);
            }
        }
    }

    /** A hash list could not be imported; the banks import said why on standard error. */
    private static final class BankImportFailed extends Exception {
        BankImportFailed(String message) {
            super(message);
        }
    }

    /** Each --bank as NAME, CATEGORY, SOURCE, optional TYPE, and FILE; checked before anything starts. */
    private List<String[]> bankSpecs() {
        List<String[]> specs = new java.util.ArrayList<>();
        for (Map.Entry<String, Path> bank : banks.entrySet()) {
            String[] parts = bank.getKey().split(":");
            if (parts.length < 3 || parts.length > 4 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("--bank " + bank.getKey() + "=" + bank.getValue() + ": write NAME:CATEGORY:SOURCE[:TYPE]=FILE");
            }
            if (!Files.isRegularFile(bank.getValue())) {
                throw new IllegalArgumentException("--bank " + bank.getKey() + ": " + bank.getValue() + " is not a file");
            }
            String[] spec = java.util.Arrays.copyOf(parts, 5);
            spec[4] = bank.getValue().toString();
            specs.add(spec);
        }
        return specs;
    }

    /** Each --bank list into the private cluster's hash-bank topic, through 'vigil banks import' itself. */
    private static void importBanks(List<String[]> specs, String bootstrapServers, PrintWriter err) throws BankImportFailed {
        for (String[] spec : specs) {
            List<String> args = new java.util.ArrayList<>(List.of("banks", "import", "--bank", spec[0], "--category", spec[1],
                    "--source", spec[2], "--bootstrap-servers", bootstrapServers));
            if (spec[3] != null) {
                args.addAll(List.of("--signal-type", spec[3]));
            }
            args.add(spec[4]);
            CommandLine cli = VigilCli.commandLine();
            cli.setOut(err);
            cli.setErr(err);
            int status = cli.execute(args.toArray(String[]::new));
            if (status != 0) {
                throw new BankImportFailed("bank " + spec[0] + " from " + spec[4] + " was not imported (status " + status + ")");
            }
        }
    }

    /** The broker, with every topic the replay writes (the services create only those they read or write). */
    private EmbeddedKafka startedWithTopics(Path data, PrintWriter err, KafkaLogFile kafkaLog) {
        err.println("backtest: private cluster and services in " + data + " (Kafka's log: " + kafkaLog.file() + ")");
        EmbeddedKafka kafka = EmbeddedKafka.start(data, 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.fixed(), partitions, (short) 1);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    private void printComparison(PrintWriter stdout, Comparison.Result result) {
        stdout.printf("compared with %s: %d of %d message(s) moved%n", compare, result.moved().size(), result.compared());
        result.moved().forEach(moved -> stdout.println("  " + moved));
        if (!result.onlyBefore().isEmpty() || !result.onlyAfter().isEmpty()) {
            stdout.printf("  %d message(s) only in %s, %d only in this run%n", result.onlyBefore().size(), compare, result.onlyAfter().size());
        }
    }
    private static void deleteRecursively(Path dir) {
        try {
            Folders.deleteRecursively(dir);
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing a finished backtest for.
        }
    }
}
