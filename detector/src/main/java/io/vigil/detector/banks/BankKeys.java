package io.vigil.detector.banks;

import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.SignalType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a hash-bank record must follow: the key is {@code bankId/SIGNAL_TYPE/value}, so that compaction keeps
 * exactly one record per entry and re-importing the same list changes nothing; values are lower-case hex of the
 * signal type's length.
 */
public final class BankKeys {

    private static final Pattern BANK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");

    private BankKeys() {
    }

    public static String keyOf(HashBankEntry entry) {
        return keyOf(entry.getBankId(), entry.getSignalType(), entry.getValue());
    }

    public static String keyOf(String bankId, SignalType type, String value) {
        return bankId + "/" + type.name() + "/" + value;
    }

    /** Hex digits of each signal type's value: 256-bit PDQ and SHA-256, 128-bit MD5. */
    public static int hexLength(SignalType type) {
        return switch (type) {
            case PDQ, SHA256 -> 64;
            case MD5 -> 32;
            case UNKNOWN -> -1;
        };
    }

    /** What is wrong with a record of the hash-bank topic; empty when it can be loaded. */
    public static List<String> problems(String key, HashBankEntry entry) {
        List<String> problems = new ArrayList<>();
        if (entry.getBankId() == null || !BANK_ID.matcher(entry.getBankId()).matches()) {
            problems.add("bank id must be 1-128 letters, digits, '.', '_' or '-'");
        }
        if (entry.getSignalType() == SignalType.UNKNOWN) {
            problems.add("signal type is not one this detector knows");
        } else if (entry.getValue() == null || entry.getValue().length() != hexLength(entry.getSignalType())
                || !LOWER_HEX.matcher(entry.getValue()).matches()) {
            problems.add(entry.getSignalType() + " value must be " + hexLength(entry.getSignalType()) + " lower-case hex digits");
        }
        Integer quality = entry.getQuality();
        if (quality != null && (quality < 0 || quality > 100)) {
            problems.add("PDQ quality must be 0-100");
        }
        if (problems.isEmpty() && !keyOf(entry).equals(key)) {
            problems.add("record key must be bankId/SIGNAL_TYPE/value of its entry");
        }
        return problems;
    }
}
