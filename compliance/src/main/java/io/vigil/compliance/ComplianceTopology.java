package io.vigil.compliance;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.appeals.AppealItems;
import io.vigil.compliance.appeals.AppealOutcomes;
import io.vigil.compliance.ncmec.CyberTiplineReportBuilder;
import io.vigil.compliance.ncmec.CyberTiplineValidator;
import io.vigil.compliance.statements.StatementDrafter;
import io.vigil.compliance.steps.AppealResolution;
import io.vigil.compliance.steps.AppealRouting;
import io.vigil.compliance.steps.ComplianceStores;
import io.vigil.compliance.steps.CyberTiplineDrafting;
import io.vigil.compliance.steps.CyberTiplineReview;
import io.vigil.compliance.steps.DecisionMemory;
import io.vigil.compliance.steps.NoticeAnswering;
import io.vigil.compliance.steps.Remembering;
import io.vigil.compliance.steps.StatementDrafting;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealOutcome;
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

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * queue.* -> remember items; notices -> remember who sent them; moderation-decisions -> remember decisions, draft
 * CyberTipline reports for CSAM confirmations -> ncmec-reports, and resolve appeals -> appeal-outcomes;
 * ncmec-confirmations -> a second person's review -> ncmec-reports; appeals -> the appeals queue -> queue.&lt;appeals&gt;;
 * enforcement-actions -> statements of reasons -> statements-of-reasons, and the notifiers' answers -> notice-responses.
 * Every input is keyed by chat, so one task holds an item, its notices, its decision, its action, its appeal and its
 * report without repartition.
 */
public final class ComplianceTopology {

    /** Every moderator queue, whatever the sink's routing policy names them (Topics.queue). */
    public static final Pattern QUEUES = Pattern.compile(Pattern.quote(Topics.QUEUE_PREFIX) + "[a-z0-9][a-z0-9-]*");

    /** How long each memory lasts: queue items until their decision, decisions and statements until their appeal. */
    public record Memory(Duration items, Duration decisions) {
    }

    private final StatementDrafter statements;
    private final CyberTiplineReportBuilder reports;
    private final CyberTiplineValidator reportRules;
    private final AppealItems appealItems;
    private final AppealOutcomes appealOutcomes;
    private final String noticeRedress;
    private final Memory memory;
    private final MeterRegistry registry;
    private final Clock clock;

    public ComplianceTopology(StatementDrafter statements, CyberTiplineReportBuilder reports, CyberTiplineValidator reportRules,
                              AppealItems appealItems, AppealOutcomes appealOutcomes, String noticeRedress, Memory memory,
                              MeterRegistry registry, Clock clock) {
        this.statements = statements;
        this.reports = reports;
        this.reportRules = reportRules;
        this.appealItems = appealItems;
        this.appealOutcomes = appealOutcomes;
        this.noticeRedress = noticeRedress;
        this.memory = memory;
        this.registry = registry;
        this.clock = clock;
    }

    public Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        ComplianceStores.addTo(builder);
        AvroSerde<NcmecReport> reportSerde = AvroSerde.of(NcmecReport.class);
        AvroSerde<QueueItem> itemSerde = AvroSerde.of(QueueItem.class);

        builder.stream(QUEUES, Consumed.with(Serdes.String(), itemSerde).withName("queue-items-source"))
                .process(() -> new Remembering<>(ComplianceStores.ITEMS, QueueItem::getItemId, QueueItem::getEnqueuedAt, memory.items(), clock),
                        Named.as("remember-queue-item"), ComplianceStores.ITEMS);

        builder.stream(Topics.NOTICES.name(), Consumed.with(Serdes.String(), AvroSerde.of(Notice.class)).withName("notices-source"))
                .process(() -> new Remembering<>(ComplianceStores.NOTICES, Notice::getNoticeId, Notice::getReceivedAt, memory.decisions(), clock),
                        Named.as("remember-notice"), ComplianceStores.NOTICES);

        KStream<String, ModerationDecision> decisions = builder.stream(Topics.MODERATION_DECISIONS.name(),
                Consumed.with(Serdes.String(), AvroSerde.of(ModerationDecision.class)).withName("decisions-source"));
        decisions.process(() -> new DecisionMemory(memory.decisions(), clock), Named.as("remember-decision"),
                ComplianceStores.ITEMS, ComplianceStores.DECISIONS);
        decisions.process(() -> new CyberTiplineDrafting(reports, reportRules, memory.decisions(), registry, clock),
                        Named.as("draft-cybertipline-report"), ComplianceStores.ITEMS, ComplianceStores.NCMEC_REPORTS)
                .to(Topics.NCMEC_REPORTS.name(), Produced.with(Serdes.String(), reportSerde).withName("drafted-reports-sink"));
        decisions.process(() -> new AppealResolution(appealOutcomes, registry), Named.as("resolve-appeal"), ComplianceStores.APPEALS)
                .to(Topics.APPEAL_OUTCOMES.name(), Produced.with(Serdes.String(), AvroSerde.of(AppealOutcome.class))
                        .withName("appeal-outcomes-sink"));

        builder.stream(Topics.NCMEC_CONFIRMATIONS.name(),
                        Consumed.with(Serdes.String(), AvroSerde.of(NcmecConfirmation.class)).withName("ncmec-confirmations-source"))
                .process(() -> new CyberTiplineReview(registry, clock), Named.as("review-cybertipline-report"), ComplianceStores.NCMEC_REPORTS)
                .to(Topics.NCMEC_REPORTS.name(), Produced.with(Serdes.String(), reportSerde).withName("reviewed-reports-sink"));

        builder.stream(Topics.APPEALS.name(), Consumed.with(Serdes.String(), AvroSerde.of(Appeal.class)).withName("appeals-source"))
                .process(() -> new AppealRouting(appealItems, memory.decisions(), registry, clock), Named.as("queue-appeal"),
                        ComplianceStores.DECISIONS, ComplianceStores.APPEALS)
                .to((chat, item, context) -> Topics.queue(item.getQueue()).name(), Produced.with(Serdes.String(), itemSerde)
                        .withName("appeal-items-sink"));

        KStream<String, EnforcementAction> actions = builder.stream(Topics.ENFORCEMENT_ACTIONS.name(),
                Consumed.with(Serdes.String(), AvroSerde.of(EnforcementAction.class)).withName("enforcement-actions-source"));
        actions.process(() -> new NoticeAnswering(noticeRedress, registry), Named.as("answer-notifiers"), ComplianceStores.NOTICES)
                .to(Topics.NOTICE_RESPONSES.name(), Produced.with(Serdes.String(), AvroSerde.of(NoticeResponse.class))
                        .withName("notice-responses-sink"));
        actions.process(() -> new StatementDrafting(statements, memory.decisions(), registry, clock), Named.as("draft-statement-of-reasons"),
                        ComplianceStores.ITEMS, ComplianceStores.NOTICES, ComplianceStores.DECISIONS, ComplianceStores.STATEMENTS)
                .to(Topics.STATEMENTS_OF_REASONS.name(), Produced.with(Serdes.String(), AvroSerde.of(StatementOfReasons.class))
                        .withName("statements-of-reasons-sink"));

        return builder.build();
    }
}
