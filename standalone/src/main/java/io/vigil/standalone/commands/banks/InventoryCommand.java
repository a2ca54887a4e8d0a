package io.vigil.standalone.commands.banks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.commands.CommandLogging;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/** What {@code banks list} and {@code banks stats} share: reading a hash-bank topic to its end into a {@link BankInventory}. */
abstract class InventoryCommand implements Callable<Integer> {

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "hash-bank-accepted",
            description = "Topic to read (default: ${DEFAULT-VALUE}, what the detectors load; hash-bank: what was imported).")
    String topic;

    @Option(names = "--quality-floor", paramLabel = "Q", defaultValue = "" + PdqMatchPolicy.DEFAULT_QUALITY_FLOOR,
            description = "Count PDQ entries whose quality is below this as unreliable (default: ${DEFAULT-VALUE}, ThreatExchange's floor).")
    int qualityFloor;

    @Option(names = "--json", description = "Print JSON instead of aligned text.")
    boolean json;

    @Mixin
    KafkaClientOptions kafka;

    @Spec
    CommandSpec spec;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    abstract void print(PrintWriter out, BankInventory inventory, HashBankTopicReader.Snapshot snapshot) throws Exception;

    @Override
    public Integer call() throws Exception {
        if (qualityFloor < 0 || qualityFloor > 100) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--quality-floor must be 0-100");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BankInventory inventory = new BankInventory();
        HashBankTopicReader.Snapshot snapshot;
        try (CommandLogging logging = CommandLogging.quietKafkaClients()) {
            snapshot = new HashBankTopicReader(kafka.clientSettings(), kafka.timeout(), new Progress(err, Progress.DEFAULT_INTERVAL))
                    .read(topic, inventory);
        } catch (MissingTopicException e) {
            err.println("error: " + e.getMessage() + " on " + kafka.bootstrapServers + ".");
            if (topic.equals(Topics.HASH_BANK_ACCEPTED.name())) {
                err.println("The detector creates " + topic + " when it first starts and copies into it every hash-bank entry it");
                err.println("validates; detectors load their banks from it. Until a detector has run, no bank is loaded;");
                err.println("'--topic " + Topics.HASH_BANK.name() + "' shows what has been imported.");
            }
            return 1;
        } catch (UncheckedIOException | KafkaException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        print(out, inventory, snapshot);
        out.flush();
        return 0;
    }
}
