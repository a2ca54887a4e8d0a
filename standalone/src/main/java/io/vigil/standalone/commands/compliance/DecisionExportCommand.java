package io.vigil.standalone.commands.compliance;

import io.vigil.compliance.export.DecisionExport;
import io.vigil.compliance.reading.TopicSnapshot;
import io.vigil.runtime.auth.Caller;
import io.vigil.runtime.auth.Permission;
import io.vigil.runtime.kafka.KafkaClients;
import io.vigil.schemas.AuditAction;
import io.vigil.standalone.commands.CallerCredential;
import io.vigil.standalone.commands.CommandLogging;
import io.vigil.standalone.commands.ReadAudit;
import io.vigil.standalone.commands.banks.KafkaClientOptions;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code vigil export decisions}: every decision with its statements of reasons, streamed, without a row cap. */
@Command(name = "decisions", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Every moderation decision with the statements of reasons drafted from it, streamed to standard output",
                "as it is read (no row cap): JSON lines ({\"decision\": ..., \"statements\": [...]}) or CSV (one row per",
                "decision and statement). Moderators' notes are not exported."})
public final class DecisionExportCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "DATE", converter = Period.class, description = "Only decisions taken at or after this time.")
    Instant from;

    @Option(names = "--to", paramLabel = "DATE", converter = Period.class, description = "Only decisions taken before this time.")
    Instant to;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    KafkaClientOptions kafka;

    @Mixin
    CallerCredential credential;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DecisionExport.Format output;
        try {
            output = DecisionExport.Format.parse(format);
        } catch (IllegalArgumentException e) {
            err.println("error: --format must be jsonl or csv");
            return 2;
        }
        DecisionExport.Summary summary;
        Caller caller = credential.authorize("vigil export decisions", Permission.READ_COMPLIANCE, "admin", err).orElse(null);
        if (caller == null) {
            return CallerCredential.EXIT_REFUSED;
        }
        try (CommandLogging logging = CommandLogging.quietKafkaClients()) {
            if (!ReadAudit.record(new KafkaClients(kafka.kafkaSettings()), caller, AuditAction.COMPLIANCE_READ, "decisions export" + (from == null ? "" : " from " + from) + (to == null ? "" : " to " + to))) {
                err.println("error: cannot write the audit record of this read; nothing is shown");
                return 1;
            }
            summary = new DecisionExport(new TopicSnapshot(kafka.clientSettings(), kafka.timeout()), output,
                    Optional.ofNullable(from), Optional.ofNullable(to), w -> err.println("warning: " + w)).run(out);
        } catch (KafkaException | IllegalStateException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        out.flush();
        err.println("exported " + summary.decisions() + " decisions, " + summary.withStatement() + " with a statement of reasons"
                + (summary.unreadable() > 0 ? "; " + summary.unreadable() + " unreadable records left out" : ""));
        return 0;
    }
}
