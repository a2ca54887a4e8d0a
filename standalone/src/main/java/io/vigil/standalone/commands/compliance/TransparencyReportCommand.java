package io.vigil.standalone.commands.compliance;

import io.vigil.compliance.reading.TopicSnapshot;
import io.vigil.compliance.transparency.TransparencyFigures;
import io.vigil.compliance.transparency.TransparencyReading;
import io.vigil.compliance.transparency.TransparencyReportFormat;
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
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code vigil report transparency}: the figures of a DSA transparency report for a period, from the topics. */
@Command(name = "transparency", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The figures of a DSA transparency report (Art. 15, 24) for a period, counted from the topics: notices by",
                "category, reporter type and outcome with the median time to decision; restrictions on the platform's own",
                "initiative; actions by type and by ground and restriction; the share of automated detection and decision;",
                "appeals and their outcomes; Vigil's hash-bank matches, stay-down hits and re-created groups.",
                "Records count by their own time (received, decided, issued) in [--from, --to)."})
public final class TransparencyReportCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "DATE", converter = Period.class,
            description = "Start of the period, inclusive: YYYY-MM-DD (UTC) or an ISO 8601 instant.")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "DATE", converter = Period.class,
            description = "End of the period, exclusive: YYYY-MM-DD (UTC) or an ISO 8601 instant.")
    Instant to;

    @Option(names = "--format", defaultValue = "json", paramLabel = "csv|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Mixin
    ComplianceOptions compliance;

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
        TransparencyReportFormat output;
        try {
            output = TransparencyReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            err.println("error: --format must be csv or json");
            return 2;
        }
        if (!from.isBefore(to)) {
            err.println("error: --to must be after --from");
            return 2;
        }
        TransparencyFigures figures;
        Caller caller = credential.authorize("vigil report transparency", Permission.READ_COMPLIANCE, "admin", err).orElse(null);
        if (caller == null) {
            return CallerCredential.EXIT_REFUSED;
        }
        try (CommandLogging logging = CommandLogging.quietKafkaClients()) {
            if (!ReadAudit.record(new KafkaClients(kafka.kafkaSettings()), caller, AuditAction.COMPLIANCE_READ, "transparency report from " + from + " to " + to)) {
                err.println("error: cannot write the audit record of this read; nothing is shown");
                return 1;
            }
            figures = new TransparencyReading(new TopicSnapshot(kafka.clientSettings(), kafka.timeout()), w -> err.println("warning: " + w))
                    .report(from, to, compliance.load().statements());
        } catch (KafkaException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        out.print(output.write(figures));
        out.flush();
        return 0;
    }
}
