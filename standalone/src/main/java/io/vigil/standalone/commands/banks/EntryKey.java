package io.vigil.standalone.commands.banks;

import io.vigil.detector.banks.BankKeys;
import io.vigil.schemas.SignalType;

import java.util.Optional;

/**
 * A bank entry's identity without its bank: the signal type and the hash as up to four 64-bit words (PDQ and
 * SHA-256 fill four, MD5 two). Held in {@link EntryTable}'s flat arrays instead of as a key string, which is what
 * lets the commands keep the state of a list of ten million hashes in memory.
 */
record EntryKey(SignalType type, long w0, long w1, long w2, long w3) {

    private static final int HEX_PER_WORD = 16;

    /** The key of a lower-case hex value of the type's length; empty for anything else (nothing Vigil could load). */
    static Optional<EntryKey> of(SignalType type, String hex) {
        if (type == null || hex == null || hex.length() != BankKeys.hexLength(type)) {
            return Optional.empty();
        }
        long[] words = new long[4];
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return Optional.empty();
            }
            words[i / HEX_PER_WORD] = words[i / HEX_PER_WORD] << 4 | digit;
        }
        return Optional.of(new EntryKey(type, words[0], words[1], words[2], words[3]));
    }

    /**
     * The key of a hash-bank record key {@code bankId/SIGNAL_TYPE/value} ({@link BankKeys}) of the given bank; empty
     * if the record key belongs to another bank or is not one Vigil writes.
     */
    static Optional<EntryKey> ofRecordKey(String bankId, String recordKey) {
        if (recordKey == null || !recordKey.startsWith(bankId + "/")) {
            return Optional.empty();
        }
        String rest = recordKey.substring(bankId.length() + 1);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        SignalType type;
        try {
            type = SignalType.valueOf(rest.substring(0, slash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return type == SignalType.UNKNOWN ? Optional.empty() : of(type, rest.substring(slash + 1));
    }

    String hex() {
        int digits = BankKeys.hexLength(type);
        StringBuilder hex = new StringBuilder(digits);
        long[] words = {w0, w1, w2, w3};
        for (int i = 0; i < digits; i += HEX_PER_WORD) {
            String word = Long.toHexString(words[i / HEX_PER_WORD]);
            hex.append("0".repeat(HEX_PER_WORD - word.length())).append(word);
        }
        return hex.toString();
    }

    String recordKey(String bankId) {
        return BankKeys.keyOf(bankId, type, hex());
    }
}
