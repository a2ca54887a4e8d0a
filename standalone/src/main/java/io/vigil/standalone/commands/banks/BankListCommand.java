package io.vigil.standalone.commands.banks;

import io.vigil.schemas.SignalType;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code vigil banks list}: one line per bank. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the banks the detectors load (topic hash-bank-accepted, read to its end): one line per bank "
                + "with its category, source, whether it is a negative (allow) bank, and its entries by signal type. A bank "
                + "whose entries differ in category or source shows them joined with '+'."})
public final class BankListCommand extends InventoryCommand {

    private static final List<SignalType> TYPES = List.of(SignalType.PDQ, SignalType.MD5, SignalType.SHA256);

    @Override
    void print(PrintWriter out, BankInventory inventory, HashBankTopicReader.Snapshot snapshot) throws Exception {
        Map<String, BankInventory.Bank> banks = inventory.banks(qualityFloor);
        if (json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (BankInventory.Bank bank : banks.values()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("bank", bank.id);
                row.put("categories", bank.categories);
                row.put("sources", bank.sources);
                row.put("negative", bank.negative());
                row.put("negativeEntries", bank.negativeEntries);
                row.put("entries", bank.entries());
                Map<String, Long> byType = new LinkedHashMap<>();
                TYPES.forEach(t -> byType.put(t.name(), bank.bySignalType.getOrDefault(t, 0L)));
                row.put("bySignalType", byType);
                row.put("pdqBelowQualityFloor", bank.pdqBelowFloor);
                row.put("pdqWithoutQuality", bank.pdqWithoutQuality);
                rows.add(row);
            }
            out.println(JSON.writeValueAsString(rows));
            return;
        }
        if (banks.isEmpty()) {
            out.println("no bank has entries on " + snapshot.topic());
            return;
        }
        TextTable table = new TextTable(false, false, false, false, true, true, true, true)
                .row("BANK", "CATEGORY", "SOURCE", "NEGATIVE", "PDQ", "MD5", "SHA256", "TOTAL");
        for (BankInventory.Bank bank : banks.values()) {
            table.row(bank.id, join(bank.categories), join(bank.sources), bank.negativeText(),
                    bank.bySignalType.getOrDefault(SignalType.PDQ, 0L), bank.bySignalType.getOrDefault(SignalType.MD5, 0L),
                    bank.bySignalType.getOrDefault(SignalType.SHA256, 0L), bank.entries());
        }
        table.print(out);
    }

    private static String join(java.util.Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining("+"));
    }
}
