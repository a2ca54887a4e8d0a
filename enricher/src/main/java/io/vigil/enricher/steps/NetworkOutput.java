package io.vigil.enricher.steps;

import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.network.NetworkFacts;

/** What the network task passes on: a message's facts, a lineage record, or a write to the hash-bank topic. */
public sealed interface NetworkOutput {

    record Facts(NetworkFacts facts) implements NetworkOutput {
    }

    record Lineage(LineageRecord record) implements NetworkOutput {
    }

    /** An entry, or a tombstone when {@code entry} is null. */
    record BankWrite(HashBankEntry entry) implements NetworkOutput {
    }
}
