package io.vigil.compliance;

import io.vigil.compliance.steps.ComplianceStores;
import io.vigil.compliance.steps.CyberTiplineDrafting;
import io.vigil.compliance.steps.CyberTiplineReview;
import io.vigil.compliance.steps.ItemMemory;
import io.vigil.compliance.steps.NoticeAnswering;
import io.vigil.compliance.steps.NoticeMemory;
import io.vigil.compliance.steps.ReversalMemory;
import io.vigil.compliance.steps.StatementDrafting;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NcmecConfirmation;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeResponse;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

import java.util.regex.Pattern;

/**
 * queue.* -> remember items; notices -> remember who sent them; moderation-decisions -> remember reversals, and draft
 * CyberTipline reports for CSAM confirmations -> ncmec-reports; ncmec-confirmations -> second person's review ->
 * ncmec-reports; enforcement-actions -> statement of reasons -> statements-of-reasons, and -> the notifiers'
 * answers -> notice-responses. Every input is keyed by chat,
 * so one task holds an item, its notices, its decision, its action and its report without repartition.
 */
public final class ComplianceTopology {

    /** Every moderator queue, whatever the sink's routing policy names them (Topics.queue). */
    public static final Pattern QUEUES = Pattern.compile(Pattern.quote(Topics.QUEUE_PREFIX) + "[a-z0-9][a-z0-9-]*");

    private final ProcessorSupplier<String, QueueItem, Void, Void> itemMemory;
    private final ProcessorSupplier<String, Notice, Void, Void> noticeMemory;
    private final ProcessorSupplier<String, ModerationDecision, Void, Void> reversalMemory;
    private final ProcessorSupplier<String, ModerationDecision, String, NcmecReport> cyberTiplineDrafting;
    private final ProcessorSupplier<String, NcmecConfirmation, String, NcmecReport> cyberTiplineReview;
    private final ProcessorSupplier<String, EnforcementAction, String, StatementOfReasons> statementDrafting;
    private final ProcessorSupplier<String, EnforcementAction, String, NoticeResponse> noticeAnswering;

    public ComplianceTopology(ProcessorSupplier<String, QueueItem, Void, Void> itemMemory,
                              ProcessorSupplier<String, Notice, Void, Void> noticeMemory,
                              ProcessorSupplier<String, ModerationDecision, Void, Void> reversalMemory,
                              ProcessorSupplier<String, ModerationDecision, String, NcmecReport> cyberTiplineDrafting,
                              ProcessorSupplier<String, NcmecConfirmation, String, NcmecReport> cyberTiplineReview,
                              ProcessorSupplier<String, EnforcementAction, String, StatementOfReasons> statementDrafting,
                              ProcessorSupplier<String, EnforcementAction, String, NoticeResponse> noticeAnswering) {
        this.itemMemory = itemMemory;
        this.noticeMemory = noticeMemory;
        this.reversalMemory = reversalMemory;
        this.cyberTiplineDrafting = cyberTiplineDrafting;
        this.cyberTiplineReview = cyberTiplineReview;
        this.statementDrafting = statementDrafting;
        this.noticeAnswering = noticeAnswering;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        ComplianceStores.addTo(builder);
        AvroSerde<NcmecReport> reportSerde = AvroSerde.of(NcmecReport.class);

        builder.stream(QUEUES, Consumed.with(Serdes.String(), AvroSerde.of(QueueItem.class)).withName("queue-items-source"))
                .process(itemMemory, Named.as("remember-queue-item"), ComplianceStores.ITEMS);

        builder.stream(Topics.NOTICES.name(), Consumed.with(Serdes.String(), AvroSerde.of(Notice.class)).withName("notices-source"))
                .process(noticeMemory, Named.as("remember-notice"), ComplianceStores.NOTICES);

        KStream<String, ModerationDecision> decisions = builder.stream(Topics.MODERATION_DECISIONS.name(),
                Consumed.with(Serdes.String(), AvroSerde.of(ModerationDecision.class)).withName("decisions-source"));
        decisions.process(reversalMemory, Named.as("remember-reversal"), ComplianceStores.REVERSALS);
        decisions.process(cyberTiplineDrafting, Named.as("draft-cybertipline-report"), ComplianceStores.ITEMS, ComplianceStores.NCMEC_REPORTS)
                .to(Topics.NCMEC_REPORTS.name(), Produced.with(Serdes.String(), reportSerde).withName("drafted-reports-sink"));

        builder.stream(Topics.NCMEC_CONFIRMATIONS.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(NcmecConfirmation.class)).withName("ncmec-confirmations-source"))
                .process(cyberTiplineReview, Named.as("review-cybertipline-report"), ComplianceStores.NCMEC_REPORTS)
                .to(Topics.NCMEC_REPORTS.name(), Produced.with(Serdes.String(), reportSerde).withName("reviewed-reports-sink"));

        KStream<String, EnforcementAction> actions = builder.stream(Topics.ENFORCEMENT_ACTIONS.name(),
                Consumed.with(Serdes.String(), AvroSerde.of(EnforcementAction.class)).withName("enforcement-actions-source"));
        actions.process(noticeAnswering, Named.as("answer-notifiers"), ComplianceStores.NOTICES)
                .to(Topics.NOTICE_RESPONSES.name(), Produced.with(Serdes.String(), AvroSerde.of(NoticeResponse.class))
                        .withName("notice-responses-sink"));
        actions.process(statementDrafting, Named.as("draft-statement-of-reasons"), ComplianceStores.ITEMS, ComplianceStores.NOTICES,
                        ComplianceStores.REVERSALS, ComplianceStores.STATEMENTS)
                .to(Topics.STATEMENTS_OF_REASONS.name(), Produced.with(Serdes.String(), AvroSerde.of(StatementOfReasons.class))
                        .withName("statements-of-reasons-sink"));

        return builder.build();
    }
}
