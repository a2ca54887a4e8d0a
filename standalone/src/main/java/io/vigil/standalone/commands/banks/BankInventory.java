package io.vigil.standalone.commands.banks;

import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.SignalType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a hash-bank topic holds once every key's latest record is applied (a tombstone removes the entry), bank by
 * bank: the state a detector builds from {@code hash-bank-accepted}. Entries are kept in an {@link EntryTable}
 * with their category, source, negative flag and quality packed in the payload.
 */
final class BankInventory implements HashBankTopicReader.Visitor {

    /** Counts of one bank. */
    static final class Bank {
        final String id;
        final Set<ContentCategory> categories = new LinkedHashSet<>();
        final Set<BankSource> sources = new LinkedHashSet<>();
        long negativeEntries;
        final Map<SignalType, Long> bySignalType = new EnumMap<>(SignalType.class);
        long pdqBelowFloor;
        long pdqWithoutQuality;

        Bank(String id) {
            this.id = id;
        }

        long entries() {
            return bySignalType.values().stream().mapToLong(Long::longValue).sum();
        }

        /** An allow bank: every entry negative (a bank is imported whole as one or the other). */
        boolean negative() {
            return negativeEntries == entries();
        }

        /** "yes", "no", or "mixed" if only some entries are negative. */
        String negativeText() {
            return negative() ? "yes" : negativeEntries == 0 ? "no" : "mixed";
        }
    }

    private static final byte LIVE = 1;
    private static final byte REMOVED = 2;
    private static final byte UNREADABLE = 3;
    private static final int NO_QUALITY = 0xFF;
    /** {@link #slotOf} for a key that is not {@code bankId/SIGNAL_TYPE/value}. */
    private static final int STRAY = -2;
    private static final ContentCategory[] CATEGORIES = ContentCategory.values();
    private static final BankSource[] SOURCES = BankSource.values();

    private final EntryTable table = new EntryTable();
    private final Map<String, Integer> bankNumbers = new HashMap<>();
    private final List<String> bankIds = new ArrayList<>();
    /** Live records under keys that are not {@code bankId/SIGNAL_TYPE/value} (none, on the accepted topic). */
    private final Set<String> strayKeys = new LinkedHashSet<>();

    @Override
    public void record(String key, HashBankEntry entry) {
        int slot = slotOf(key, entry != null);
        if (slot == STRAY) {
            if (entry == null) {
                strayKeys.remove(key);
            } else {
                strayKeys.add(key);
            }
        } else if (slot >= 0) {
            table.state(slot, entry == null ? REMOVED : LIVE);
            if (entry != null) {
                table.payload(slot, pack(entry));
            }
        }
    }

    @Override
    public void unreadable(String key, String reason) {
        int slot = slotOf(key, true);
        if (slot == STRAY) {
            strayKeys.add(key);
        } else {
            table.state(slot, UNREADABLE);
        }
    }

    /** The entry of a record key, added if {@code create}; -1 if absent, {@link #STRAY} if the key is not one Vigil writes. */
    private int slotOf(String key, boolean create) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash <= 0) {
            return STRAY;
        }
        String bankId = key.substring(0, slash);
        EntryKey parsed = EntryKey.ofRecordKey(bankId, key).orElse(null);
        if (parsed == null) {
            return STRAY;
        }
        Integer bank = bankNumbers.get(bankId);
        if (bank == null) {
            if (!create) {
                return -1;
            }
            bank = bankIds.size();
            bankNumbers.put(bankId, bank);
            bankIds.add(bankId);
        }
        return create ? table.findOrAdd(bank, parsed) : table.find(bank, parsed);
    }

    private static long pack(HashBankEntry entry) {
        int quality = entry.getQuality() == null ? NO_QUALITY : Math.max(0, Math.min(100, entry.getQuality()));
        return (long) entry.getCategory().ordinal() << 24 | (long) entry.getSource().ordinal() << 16
                | (entry.getNegative() ? 1L : 0L) << 8 | quality;
    }

    /** The banks with at least one live entry, by id. */
    Map<String, Bank> banks(int qualityFloor) {
        Map<String, Bank> banks = new TreeMap<>();
        for (int slot = 0; slot < table.size(); slot++) {
            if (table.state(slot) != LIVE) {
                continue;
            }
            String id = bankIds.get(table.bank(slot));
            Bank bank = banks.computeIfAbsent(id, Bank::new);
            long packed = table.payload(slot);
            bank.categories.add(CATEGORIES[(int) (packed >>> 24 & 0xFF)]);
            bank.sources.add(SOURCES[(int) (packed >>> 16 & 0xFF)]);
            bank.negativeEntries += packed >>> 8 & 1;
            SignalType type = table.type(slot);
            bank.bySignalType.merge(type, 1L, Long::sum);
            int quality = (int) (packed & 0xFF);
            if (type == SignalType.PDQ && quality == NO_QUALITY) {
                bank.pdqWithoutQuality++;
            } else if (type == SignalType.PDQ && quality < qualityFloor) {
                bank.pdqBelowFloor++;
            }
        }
        return banks;
    }

    /** Records that could not be read (a value no released contract reads), by key, still current. */
    long unreadable() {
        long n = 0;
        for (int slot = 0; slot < table.size(); slot++) {
            if (table.state(slot) == UNREADABLE) {
                n++;
            }
        }
        return n;
    }

    /** Live records under keys that are not {@code bankId/SIGNAL_TYPE/value}. */
    long strayKeys() {
        return strayKeys.size();
    }
}
