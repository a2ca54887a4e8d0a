package io.vigil.schemas.topics;

import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealOutcome;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.IngestOffset;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.MediaWork;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NcmecConfirmation;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeResponse;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.network.NetworkFacts;
import io.vigil.schemas.network.NetworkRequest;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The topic catalogue: the one place that names Vigil's topics, their keys and values, partitioning, cleanup and
 * retention. Topologies, the topic creator and the README's topic table all read it.
 */
public final class Topics {

    public static final String QUEUE_PREFIX = "queue.";
    private static final Pattern QUEUE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public static final TopicSpec MESSAGE_EVENTS = new TopicSpec("message-events", "chat id", MessageEvent.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(7)), Partitioning.BY_CHAT,
            "Input from the platform. Keyed by chat so that a group's messages stay in order and per-group state needs no repartition.");
    public static final TopicSpec GROUP_METADATA = new TopicSpec("group-metadata", "chat id", GroupMetadata.class,
            CleanupPolicy.COMPACT, Optional.empty(), Partitioning.BY_CHAT,
            "Input from the platform; the latest record per chat is its state. Co-partitioned with detections for the enricher's stream-table join.");
    public static final TopicSpec GROUP_EVENTS = new TopicSpec("group-events", "chat id", GroupEvent.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(365)), Partitioning.BY_CHAT,
            "Input from the platform and the Telegram adapters: what happened to a chat (created, renamed, pinned, migrated, taken down). Keyed by chat like its messages; kept a year because lineage compares a chat with ones taken down long before.");
    public static final TopicSpec HASH_BANK = new TopicSpec("hash-bank", "bank/signal/value", HashBankEntry.class,
            CleanupPolicy.COMPACT, Optional.empty(), Partitioning.SINGLE,
            "Input from list imports: one record per bank entry, a tombstone removes it. One partition keeps updates in order.");
    public static final TopicSpec HASH_BANK_ACCEPTED = new TopicSpec("hash-bank-accepted", "bank/signal/value", HashBankEntry.class,
            CleanupPolicy.COMPACT, Optional.empty(), Partitioning.SINGLE,
            "The hash-bank entries the detector validated; every detector instance reads it whole as a global table, so a bad entry never reaches the matcher.");
    public static final TopicSpec DETECTIONS = new TopicSpec("detections", "chat id", Detection.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(7)), Partitioning.BY_CHAT,
            "One per message. Keeps the chat key so the enricher joins group metadata without repartition.");
    public static final TopicSpec RISK_ASSESSMENTS = new TopicSpec("risk-assessments", "chat id", RiskAssessment.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(30)), Partitioning.BY_CHAT,
            "One per message, scored and explained. Kept longer than detections: the audit trail of what was scored and why.");
    public static final TopicSpec NETWORK_REQUESTS = new TopicSpec("network-requests", "origin chat id", NetworkRequest.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(7)), Partitioning.SINGLE,
            "Internal to the enricher: media sightings, identifiers, chat profiles and stay-down decisions from every chat partition. One partition, so that one task owns the network's memory (media clusters, victim cases, lineage, stay-down) and sees near-duplicates in one order; a chat's requests stay in its order.");
    public static final TopicSpec NETWORK_FACTS = new TopicSpec("network-facts", "chat id", NetworkFacts.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(7)), Partitioning.BY_CHAT,
            "Internal to the enricher: the network task's answer per message (clusters, case), back on the message's chat partition, where the message waits in its chat's order.");
    public static final TopicSpec GROUP_LINEAGE = new TopicSpec("group-lineage", "chat id", LineageRecord.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(365)), Partitioning.BY_CHAT,
            "Chats found to continue another (re-created after a takedown, or migrated), with score and evidence. Keyed by the successor so that its chat partition inherits the predecessor's strikes; kept a year like group events.");
    public static final TopicSpec MODERATION_DECISIONS = new TopicSpec("moderation-decisions", "chat id", ModerationDecision.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(365)), Partitioning.BY_CHAT,
            "Moderators' decisions. Keyed by chat like the queue items they close, so the sink's queue state is updated without repartition.");
    public static final TopicSpec MODERATION_COMMANDS = new TopicSpec("moderation-commands", "chat id", ModerationCommand.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(7)), Partitioning.BY_CHAT,
            "Moderators' claims, releases, escalations and decisions as requested. Keyed by chat like the items, so the sink's topology applies each item's commands in order against its state and decides accept or conflict exactly once, however many sink instances take requests.");
    public static final TopicSpec AUDIT_LOG = new TopicSpec("audit-log", "actor", AuditRecord.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(730)), Partitioning.SINGLE,
            "Who did what to moderation data, why, when and from where (logins, claims, reveals, decisions, audit reads). One partition keeps one total order for reviewers; kept two years.");
    public static final TopicSpec ENFORCEMENT_ACTIONS = new TopicSpec("enforcement-actions", "chat id", EnforcementAction.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(365)), Partitioning.BY_CHAT,
            "Commands to the platform that follow from decisions (remove, ban, restrict), idempotent by action id. Kept a year: the record of what was enforced, for statements of reasons and transparency reports.");
    public static final TopicSpec MEDIA_WORK = new TopicSpec("media-work", "chat id", MediaWork.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(7)), Partitioning.BY_CHAT,
            "Messages with media, from the detector's text stage to its media stage, so that image work never holds text behind it. Kept as long as message-events: it carries the same data, and a media stage that was down resumes where it stopped.");
    public static final TopicSpec NOTICES = new TopicSpec("notices", "chat id", Notice.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(730)), Partitioning.BY_CHAT,
            "Notices of illegal content (DSA Art. 16) from users through the platform and from trusted flaggers. Keyed by chat like the items they are evidence about; kept two years, two reporting periods of the transparency report.");
    public static final TopicSpec NOTICE_RESPONSES = new TopicSpec("notice-responses", "chat id", NoticeResponse.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(730)), Partitioning.BY_CHAT,
            "What notifiers are told (receipt, then the decision and whether it was automated), for the platform to deliver; kept as the record that they were told.");
    public static final TopicSpec STATEMENTS_OF_REASONS = new TopicSpec("statements-of-reasons", "chat id", StatementOfReasons.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(730)), Partitioning.BY_CHAT,
            "One statement of reasons per enforcement action (DSA Art. 17), in the EU Transparency Database's schema, for the affected user and the database. Keyed by chat like the actions; kept two years.");
    public static final TopicSpec APPEALS = new TopicSpec("appeals", "chat id", Appeal.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(730)), Partitioning.BY_CHAT,
            "Complaints of affected users against decisions (DSA Art. 20), from the platform. Keyed by chat like the decisions they contest; kept two years.");
    public static final TopicSpec APPEAL_OUTCOMES = new TopicSpec("appeal-outcomes", "chat id", AppealOutcome.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(730)), Partitioning.BY_CHAT,
            "Decisions on appeals (upheld or reversed), for the platform to tell the user; kept two years for the transparency report.");
    public static final TopicSpec NCMEC_REPORTS = new TopicSpec("ncmec-reports", "chat id", NcmecReport.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(730)), Partitioning.BY_CHAT,
            "CyberTipline reports and every state they pass through (drafted, confirmed by a second person, submitted); the latest record per report id is its state. Kept two years, beyond the one-year preservation of the reported content.");
    public static final TopicSpec NCMEC_CONFIRMATIONS = new TopicSpec("ncmec-confirmations", "chat id", NcmecConfirmation.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(730)), Partitioning.BY_CHAT,
            "A second person's confirmation or rejection of a drafted CyberTipline report; keyed by chat like the report it reviews.");
    public static final TopicSpec DEAD_LETTERS = new TopicSpec("dead-letters", "original key", DeadLetter.class,
            CleanupPolicy.DELETE, Optional.of(Duration.ofDays(7)), Partitioning.BY_CHAT,
            "Records a service could not read or process, with the reason and the source coordinates; the original only encrypted with the deployment's dead-letter key. Keyed like the input so a group's dead letters stay in order; kept no longer than the shortest-lived input (7 days), so a coordinate always finds its original.");

    public static final TopicSpec INGEST_OFFSETS = new TopicSpec("ingest-offsets", "adapter/source", IngestOffset.class,
            CleanupPolicy.COMPACT, Optional.empty(), Partitioning.SINGLE,
            "How far each ingest adapter (the Telegram bot) has read its source, written in the same transaction as the events it read, so a restart neither loses nor repeats an update. Compacted: the latest record per source is its position.");

    private static final List<TopicSpec> FIXED = List.of(
            MESSAGE_EVENTS, GROUP_METADATA, GROUP_EVENTS, HASH_BANK, HASH_BANK_ACCEPTED, MEDIA_WORK, DETECTIONS, RISK_ASSESSMENTS, NETWORK_REQUESTS,
            NETWORK_FACTS, GROUP_LINEAGE, MODERATION_DECISIONS, MODERATION_COMMANDS, ENFORCEMENT_ACTIONS, AUDIT_LOG, NOTICES,
            NOTICE_RESPONSES, STATEMENTS_OF_REASONS, APPEALS, APPEAL_OUTCOMES, NCMEC_REPORTS, NCMEC_CONFIRMATIONS, DEAD_LETTERS,
            INGEST_OFFSETS);

    private Topics() {
    }

    /** The topics every deployment has, whatever its routing policy. */
    public static List<TopicSpec> fixed() {
        return FIXED;
    }

    /** The moderator queue topic for a queue named by the routing policy. */
    public static TopicSpec queue(String queueName) {
        if (!QUEUE_NAME.matcher(queueName).matches()) {
            throw new IllegalArgumentException("queue name '" + queueName + "' must match " + QUEUE_NAME.pattern());
        }
        return queueTopic(QUEUE_PREFIX + queueName);
    }

    private static TopicSpec queueTopic(String topicName) {
        return new TopicSpec(topicName, "chat id", QueueItem.class,
                CleanupPolicy.DELETE, Optional.of(Duration.ofDays(14)), Partitioning.BY_CHAT,
                "Work for moderators, one topic per queue so that the platform's consumers and staffing can differ per queue.");
    }

    /** Every topic of a deployment with these moderator queues. */
    public static List<TopicSpec> all(Collection<String> queueNames) {
        List<TopicSpec> all = new java.util.ArrayList<>(FIXED);
        queueNames.stream().sorted().map(Topics::queue).forEach(all::add);
        return all;
    }

    /** The topic table of the README, generated so that it cannot drift from the catalogue. */
    public static String markdownTable() {
        String header = "| topic | key | value | cleanup | retention | partitions | why this key and policy |\n"
                + "|---|---|---|---|---|---|---|\n";
        List<TopicSpec> rows = new java.util.ArrayList<>(FIXED);
        rows.add(queueTopic(QUEUE_PREFIX + "<name>"));
        return header + rows.stream().map(Topics::markdownRow).collect(Collectors.joining("\n")) + "\n";
    }

    private static String markdownRow(TopicSpec t) {
        return "| `" + t.name() + "` | " + t.key() + " | `" + t.valueType().getSimpleName() + "` | " + t.cleanupPolicy().configValue()
                + " | " + t.retention().map(d -> d.toDays() + " days").orElse("forever") + " | "
                + (t.partitioning() == Partitioning.SINGLE ? "1" : "per deployment") + " | " + t.why() + " |";
    }
}
