package io.vigil.standalone.commands.replay;

import io.vigil.ingest.groups.GroupsFile;
import io.vigil.ingest.kafka.ChatTopicReader;
import io.vigil.ingest.kafka.ExistingEvents;
import io.vigil.ingest.kafka.ReplayWriter;
import io.vigil.ingest.replay.ExportReplay;
import io.vigil.ingest.replay.Pacer;
import io.vigil.ingest.replay.Tally;
import io.vigil.schemas.GroupMetadata;
import io.vigil.standalone.commands.CommandLogging;
import io.vigil.standalone.commands.banks.KafkaClientOptions;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** {@code vigil replay}: Telegram Desktop exports into the pipeline's input topics, idempotently. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replay Telegram Desktop exports (\"Export chat history\" or \"Export Telegram data\", machine-readable JSON) "
                + "into message-events, group-events and group-metadata, in event time across all the exports given.",
                "Media files are copied into the blob root the detector reads (content-addressed; over --max-media-bytes, or left "
                        + "out of the export, they stay in the message as media of unknown content). Chats get metadata from --groups, "
                        + "else what the export tells (kind, visibility, title, creator, admins seen acting).",
                "Idempotent: what the topics already hold for these chats is read first, and only what is missing is written, so "
                        + "replaying the same export twice writes nothing the second time.",
                "Problems in the input (broken JSON, control escapes, missing media, unknown types) are reported on standard error "
                        + "with the file and line or message id, never the text, and the rest is replayed. The summary goes to standard output."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:replayed (problems in the input, if any, are in the summary)",
                "1:the exports or the cluster could not be read or written", "2:invalid arguments or groups file"})
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    ExportOptions exportOptions;

    @Mixin
    KafkaClientOptions kafka;

    @Option(names = "--blob-root", paramLabel = "DIR", defaultValue = ".vigil/demo/blobs",
            description = "The detector's media.blob-root, where media are copied (default: ${DEFAULT-VALUE}, the demo's).")
    Path blobRoot;

    @ArgGroup(exclusive = true)
    Pace pace = new Pace();

    static final class Pace {
        @Option(names = "--speed", paramLabel = "N", description = "Replay at N times the pace the messages were sent.")
        Double speed;

        @Option(names = "--as-fast-as-possible", description = "Replay as fast as the cluster takes it (the default).")
        boolean fastest;

        Pacer pacer() {
            return speed == null ? Pacer.asFastAsPossible() : Pacer.atSpeed(speed);
        }
    }

    @Option(names = "--dry-run", description = "Read the exports and the topics and say what would be written, without writing.")
    boolean dryRun;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GroupsFile groups;
        Pacer pacer;
        try {
            groups = exportOptions.groupsFile();
            pacer = pace.pacer();
        } catch (GroupsFile.InvalidException e) {
            e.problems().forEach(p -> err.println("ERROR " + exportOptions.groups + " " + p));
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("ERROR " + e.getMessage());
            return 2;
        }
        Tally tally = new Tally();
        ProblemLog problems = new ProblemLog(err);
        try (CommandLogging quiet = CommandLogging.quietKafkaClients();
             ExportReplay replay = exportOptions.read(groups, blobRoot, problems, tally)) {
            List<GroupMetadata> metadata = replay.groupMetadata(Instant.now());
            Set<String> chats = metadata.stream().map(GroupMetadata::getChatId).collect(Collectors.toSet());
            err.printf("read %,d event(s) of %d chat(s); reading what the topics hold for them%n", replay.eventCount(), chats.size());
            ExistingEvents existing = ExistingEvents.read(new ChatTopicReader(kafka.clientSettings(), kafka.timeout()), chats);
            if (dryRun) {
                long changed = metadata.stream().filter(group -> !existing.hasSame(group)).count();
                long[] missing = countMissing(replay, existing);
                new ReplaySummary(tally, new ReplayWriter.MetadataOutcome(changed, metadata.size() - changed),
                        new ReplayWriter.EventsOutcome(missing[0], missing[1]), problems.count(), false).print(out);
                return 0;
            }
            try (ReplayWriter writer = new ReplayWriter(kafka.clientSettings(), kafka.timeout(), "vigil-replay")) {
                ReplayWriter.MetadataOutcome metadataOutcome = writer.writeMetadata(metadata, existing);
                ProgressBar bar = new ProgressBar(err, System.console() != null, replay.eventCount());
                long[] last = new long[3];
                ReplayWriter.EventsOutcome events = writer.writeEvents(replay.events(), existing, pacer, UnaryOperator.identity(),
                        (done, written, already) -> {
                            last[0] = done;
                            last[1] = written;
                            last[2] = already;
                            bar.update(done, written, already);
                        });
                bar.finish(last[0], last[1], last[2]);
                new ReplaySummary(tally, metadataOutcome, events, problems.count(), true).print(out);
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ERROR interrupted; run the replay again to write the rest");
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("ERROR " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("ERROR " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()));
            return 1;
        }
    }

    private static long[] countMissing(ExportReplay replay, ExistingEvents existing) {
        long missing = 0;
        long there = 0;
        var events = replay.events();
        while (events.hasNext()) {
            if (existing.firstTime(events.next())) {
                missing++;
            } else {
                there++;
            }
        }
        return new long[]{missing, there};
    }
}
