package io.vigil.standalone.commands.banks;

import io.vigil.standalone.commands.banks.lists.BankListFormat;
import io.vigil.standalone.commands.banks.lists.BankListFormatException;
import io.vigil.standalone.commands.banks.lists.BankListOptions;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.commands.CommandLogging;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code vigil banks import}: a hash list into one bank, idempotently. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a hash list into a bank on the hash-bank topic, writing only what differs from the bank's "
                + "current entries: importing the same list again writes nothing. Every line is validated; rejected lines "
                + "are reported on standard error as 'line N: code (detail)', never with their content.",
                "Formats: plain (one hash per line, optionally typed 'pdq <hex>' or followed by a quality '<hex>,<quality>'); "
                        + "csv (a header naming the hash column: hash, value, signal_value, or a type name pdq, md5, sha256; "
                        + "optional signal_type, quality and id columns, the rest kept as metadata); threatexchange (the "
                        + "python-threatexchange / HMA signal export: collab,signal_type,signal_str,category,tags).",
                "Ends with 'added N, changed N, unchanged N, removed N, rejected N' on standard output."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:imported (or, with --dry-run, checked); rejects within --max-rejects",
                "1:the list or the cluster could not be read or written",
                "2:invalid arguments",
                "3:refused, nothing written: more rejects than --max-rejects, or --replace with a list that has no valid entry"})
public final class BankImportCommand implements Callable<Integer> {

    static final int REFUSED = 3;

    /** The list formats as the command line names them. */
    enum Format {
        AUTO(BankListFormat.AUTO), PLAIN(BankListFormat.PLAIN), CSV(BankListFormat.CSV), THREATEXCHANGE(BankListFormat.THREATEXCHANGE_CSV);

        final BankListFormat format;

        Format(BankListFormat format) {
            this.format = format;
        }
    }

    @Option(names = "--bank", required = true, paramLabel = "NAME", description = "Bank id: 1-128 letters, digits, '.', '_' or '-'.")
    String bank;

    @Option(names = "--category", required = true, paramLabel = "C",
            description = "Content category of every entry: ${COMPLETION-CANDIDATES} (any case).")
    ContentCategory category;

    @Option(names = "--source", required = true, paramLabel = "S", description = "Who supplied the list: ${COMPLETION-CANDIDATES} (any case).")
    BankSource source;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "F",
            description = "auto, plain, csv or threatexchange (default: ${DEFAULT-VALUE}: a header naming a hash column means csv).")
    Format format;

    @Option(names = "--signal-type", paramLabel = "T",
            description = "Type of hashes the list does not type itself: PDQ, MD5 or SHA256 (default: 32 hex digits are MD5; 64 need this).")
    SignalType signalType;

    @Option(names = "--negative", description = "A negative (allow) bank: a match suppresses other banks' matches of the same media.")
    boolean negative;

    @Option(names = "--replace", description = "Also remove the bank's entries that the list does not have (default: keep them).")
    boolean replace;

    @Option(names = "--dry-run", description = "Validate the list and compare it with the bank; write nothing.")
    boolean dryRun;

    @Option(names = "--max-rejects", paramLabel = "N|P%", defaultValue = RejectLimit.DEFAULT, converter = RejectLimit.Converter.class,
            description = "Refuse the import, writing nothing, if more lines than this are rejected: a count or a share of the lines holding a hash (default: ${DEFAULT-VALUE}).")
    RejectLimit maxRejects;

    @Mixin
    KafkaClientOptions kafka;

    @Parameters(index = "0", paramLabel = "FILE", description = "The list (UTF-8; read twice, so not a pipe).")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = BankImport.bankIdProblems(bank);
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bank '" + bank + "': " + String.join("; ", problems));
        }
        if (signalType == SignalType.UNKNOWN) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--signal-type must be PDQ, MD5 or SHA256");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), file + " is not a regular file");
        }
        BankListOptions listOptions = BankListOptions.detect().withFormat(format.format).withSignalType(signalType);
        BankImport.Request request = new BankImport.Request(bank, category, source, negative, file, listOptions, replace, dryRun,
                maxRejects, Topics.HASH_BANK.name());
        BankImport importer = new BankImport(kafka.clientSettings(), kafka.timeout(), err, new Progress(err, Progress.DEFAULT_INTERVAL));
        try (CommandLogging logging = CommandLogging.quietKafkaClients()) {
            ImportSummary summary = importer.run(request);
            report(out, summary, summary.written() ? null
                    : dryRun ? "dry run: nothing was written" : "nothing to write: the bank already holds this list");
            return 0;
        } catch (BankImport.Refused refused) {
            report(out, refused.summary(), "refused: nothing was written");
            err.println("error: " + refused.getMessage());
            return REFUSED;
        } catch (BankListFormatException e) {
            err.println("error: " + file + " cannot be read as a hash list past " + e.getMessage() + "; nothing was written");
            return 1;
        } catch (MissingTopicException e) {
            err.println("error: " + e.getMessage() + " on " + kafka.bootstrapServers
                    + "; create Vigil's topics first (vigil topics create, or start a detector)");
            return 1;
        } catch (IOException | UncheckedIOException | KafkaException | IllegalStateException e) {
            err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        }
    }

    /** The list as read, what stays untouched, a note, then the counts, last so that scripts find them. */
    private void report(PrintWriter out, ImportSummary summary, String note) {
        StringBuilder line = new StringBuilder()
                .append("bank ").append(bank).append(": ").append(summary.lines()).append(" lines read as ").append(summary.format());
        if (summary.duplicates() > 0) {
            line.append(", ").append(summary.duplicates()).append(" repeating an earlier line");
        }
        if (!summary.rejectsByReason().isEmpty()) {
            line.append(", rejects: ").append(new TreeMap<>(summary.rejectsByReason()).entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        out.println(line);
        if (summary.kept() > 0) {
            out.println(summary.kept() + " entries of the bank are not in this list and were kept (--replace removes them)");
        }
        if (note != null) {
            out.println(note);
        }
        out.println(summary.counts());
        out.flush();
    }
}
