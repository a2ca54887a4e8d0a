package io.vigil.detector.banks;

import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.SignalType;

/**
 * One hash of one bank, as the matcher holds it. {@link #key()} is its key on the hash-bank topic.
 *
 * @param provenance where the entry came from in words a moderator can check (the entry's {@code provenance} metadata,
 *                   which the enricher writes for stay-down entries); null when the bank gives none
 */
public record BankEntry(
        String key,
        String bankId,
        String entryId,
        ContentCategory category,
        BankSource source,
        SignalType signalType,
        String value,
        boolean negative,
        String provenance) {

    /** The metadata key of an entry's provenance text. */
    public static final String PROVENANCE = "provenance";

    public static BankEntry of(HashBankEntry entry) {
        return new BankEntry(BankKeys.keyOf(entry), entry.getBankId(), entry.getEntryId(), entry.getCategory(),
                entry.getSource(), entry.getSignalType(), entry.getValue(), entry.getNegative(),
                entry.getMetadata().get(PROVENANCE));
    }
}
