package io.vigil.detector.steps;

import io.vigil.detector.banks.BankKeys;
import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.HashBankEntry;

import java.util.List;

/**
 * Lets through to the matcher only the hash-bank records it can load; the rest go to the dead-letter topic with
 * the reason. The matcher is fed on Streams' global thread, which can neither write dead letters nor survive a bad
 * record, so the bad ones are stopped here, on an ordinary stream thread, exactly once.
 */
public final class BankEntryValidation {

    public HashBankEntry check(String key, HashBankEntry entry) {
        if (entry == null) {
            return null;
        }
        List<String> problems = BankKeys.problems(key, entry);
        if (!problems.isEmpty()) {
            throw new RejectedRecordException("invalid_bank_entry", "hash-bank entry refused: " + String.join("; ", problems));
        }
        return entry;
    }
}
