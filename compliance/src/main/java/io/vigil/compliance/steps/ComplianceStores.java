package io.vigil.compliance.steps;

import io.vigil.schemas.Appeal;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.Notice;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * What the compliance service remembers, each store keyed within the chat's partition: queue items by item id (what
 * the content was and where it was seen), notices by notice id (who sent them), decisions by decision id with their
 * items (what an appeal contests, which decision a reversal withdraws), statements by decision id (what a reversal
 * withdraws), open appeals by their queue item's id, and drafted CyberTipline reports by report id (what a second
 * person reviews).
 */
public final class ComplianceStores {

    public static final String ITEMS = "compliance-items";
    public static final String NOTICES = "compliance-notices";
    public static final String DECISIONS = "compliance-decisions";
    public static final String APPEALS = "compliance-appeals";
    public static final String STATEMENTS = "compliance-statements";
    public static final String NCMEC_REPORTS = "compliance-ncmec-reports";

    private ComplianceStores() {
    }

    public static void addTo(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ITEMS), Serdes.String(), AvroSerde.of(QueueItem.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NOTICES), Serdes.String(), AvroSerde.of(Notice.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECISIONS), Serdes.String(),
                AvroSerde.of(QueueEntry.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(APPEALS), Serdes.String(), AvroSerde.of(Appeal.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATEMENTS), Serdes.String(),
                AvroSerde.of(StatementOfReasons.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NCMEC_REPORTS), Serdes.String(),
                AvroSerde.of(NcmecReport.class)));
    }
}
