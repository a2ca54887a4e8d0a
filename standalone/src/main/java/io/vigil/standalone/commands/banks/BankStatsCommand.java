package io.vigil.standalone.commands.banks;

import io.vigil.schemas.SignalType;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code vigil banks stats}: totals over every bank. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Totals over the banks the detectors load (topic hash-bank-accepted, read to its end): entries by "
                + "signal type, category and source, the number of banks, PDQ entries below the quality floor, and the "
                + "topic's end offsets."})
public final class BankStatsCommand extends InventoryCommand {

    @Override
    void print(PrintWriter out, BankInventory inventory, HashBankTopicReader.Snapshot snapshot) throws Exception {
        Map<String, BankInventory.Bank> banks = inventory.banks(qualityFloor);
        Map<String, Long> byType = new LinkedHashMap<>();
        for (SignalType type : new SignalType[]{SignalType.PDQ, SignalType.MD5, SignalType.SHA256}) {
            byType.put(type.name(), 0L);
        }
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> bySource = new TreeMap<>();
        long entries = 0;
        long negativeBanks = 0;
        long belowFloor = 0;
        long withoutQuality = 0;
        for (BankInventory.Bank bank : banks.values()) {
            bank.bySignalType.forEach((type, n) -> byType.merge(type.name(), n, Long::sum));
            // a bank is one list with one category and source; one whose entries differ counts under the joined names
            String category = bank.categories.stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
            String source = bank.sources.stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
            byCategory.merge(category, bank.entries(), Long::sum);
            bySource.merge(source, bank.entries(), Long::sum);
            entries += bank.entries();
            negativeBanks += bank.negativeEntries > 0 ? 1 : 0;
            belowFloor += bank.pdqBelowFloor;
            withoutQuality += bank.pdqWithoutQuality;
        }
        if (json) {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("topic", snapshot.topic());
            stats.put("endOffsets", snapshot.endOffsets());
            stats.put("recordsRead", snapshot.records());
            stats.put("banks", banks.size());
            stats.put("negativeBanks", negativeBanks);
            stats.put("entries", entries);
            stats.put("bySignalType", byType);
            stats.put("byCategory", byCategory);
            stats.put("bySource", bySource);
            stats.put("qualityFloor", qualityFloor);
            stats.put("pdqBelowQualityFloor", belowFloor);
            stats.put("pdqWithoutQuality", withoutQuality);
            stats.put("unreadableRecords", inventory.unreadable());
            stats.put("recordsWithForeignKeys", inventory.strayKeys());
            out.println(JSON.writeValueAsString(stats));
            return;
        }
        out.println(snapshot.topic() + ": end offsets " + snapshot.endOffsets().entrySet().stream()
                .map(e -> "partition " + e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + "; " + snapshot.records() + " records read");
        TextTable table = new TextTable(false, true);
        table.row("banks", banks.size());
        table.row("negative banks", negativeBanks);
        table.row("entries", entries);
        byType.forEach((type, n) -> table.row("  " + type, n));
        byCategory.forEach((category, n) -> table.row("  category " + category, n));
        bySource.forEach((source, n) -> table.row("  source " + source, n));
        table.row("PDQ below quality " + qualityFloor, belowFloor);
        table.row("PDQ without quality", withoutQuality);
        if (inventory.unreadable() > 0) {
            table.row("unreadable records", inventory.unreadable());
        }
        if (inventory.strayKeys() > 0) {
            table.row("records with foreign keys", inventory.strayKeys());
        }
        table.print(out);
    }
}
