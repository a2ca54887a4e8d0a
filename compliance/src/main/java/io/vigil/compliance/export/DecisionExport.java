package io.vigil.compliance.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.compliance.reading.TopicSnapshot;
import io.vigil.compliance.statements.StatementJson;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.TransparencyStatement;
import io.vigil.schemas.topics.Topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every moderation decision with its statements of reasons, streamed as it is read: no row cap, and memory bounded by
 * one partition's statements, because decisions and statements are both keyed by chat and so share partitions. For
 * each partition the statements are read first, then each decision is written with the statements drafted from it.
 * Moderators' notes are not exported (they are free text and may hold personal data).
 */
public final class DecisionExport {

    public enum Format {
        JSONL, CSV;

        public static Format parse(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** What was exported. */
    public record Summary(long decisions, long withStatement, long unreadable) {
    }

    static final List<String> COLUMNS = List.of("decision_id", "decided_at", "platform", "chat_id", "message_id", "item_id", "queue",
            "action", "category", "moderator_id", "automated_detection", "automated_decision", "notice_ids", "supersedes_decision_id",
            "case_id", "puid", "statement_kind", "submitted_to_database", "decision_ground", "statement_category", "category_specification",
            "decision_visibility", "decision_account", "decision_provision", "content_type", "content_date", "application_date",
            "source_type", "legal_or_terms_ground", "statement_automated_detection", "statement_automated_decision");

    private static final ObjectMapper MAPPER = StatementJson.MAPPER;

    private final TopicSnapshot topics;
    private final Format format;
    private final Optional<Instant> from;
    private final Optional<Instant> to;
    private final Consumer<String> warnings;

    public DecisionExport(TopicSnapshot topics, Format format, Optional<Instant> from, Optional<Instant> to, Consumer<String> warnings) {
        this.topics = topics;
        this.format = format;
        this.from = from;
        this.to = to;
        this.warnings = warnings;
    }

    public Summary run(Writer out) {
        long[] counts = new long[3];
        write(out, format == Format.CSV ? String.join(",", COLUMNS) + "\n" : null);
        List<Integer> statementPartitions = topics.partitions(Topics.STATEMENTS_OF_REASONS.name());
        for (int partition : topics.partitions(Topics.MODERATION_DECISIONS.name())) {
            Map<String, List<StatementOfReasons>> statements = new HashMap<>();
            if (statementPartitions.contains(partition)) {
                counts[2] += topics.read(Topics.STATEMENTS_OF_REASONS.name(), StatementOfReasons.class, List.of(partition),
                        visitor((StatementOfReasons s) -> statements.computeIfAbsent(s.getDecisionId(), d -> new ArrayList<>()).add(s))).unreadable();
            }
            counts[2] += topics.read(Topics.MODERATION_DECISIONS.name(), ModerationDecision.class, List.of(partition),
                    visitor((ModerationDecision decision) -> {
                        if (inPeriod(decision.getDecidedAt())) {
                            List<StatementOfReasons> drafted = statements.getOrDefault(decision.getDecisionId(), List.of());
                            counts[0]++;
                            counts[1] += drafted.isEmpty() ? 0 : 1;
                            write(out, format == Format.CSV ? csv(decision, drafted) : json(decision, drafted));
                        }
                    })).unreadable();
            flush(out);
        }
        return new Summary(counts[0], counts[1], counts[2]);
    }

    private boolean inPeriod(Instant at) {
        return from.map(f -> !at.isBefore(f)).orElse(true) && to.map(at::isBefore).orElse(true);
    }

    private <V> TopicSnapshot.Visitor<V> visitor(Consumer<V> sink) {
        return TopicSnapshot.visitor(sink, warnings);
    }

    private static String json(ModerationDecision d, List<StatementOfReasons> statements) {
        ObjectNode line = MAPPER.createObjectNode();
        ObjectNode decision = line.putObject("decision");
        decision.put("decisionId", d.getDecisionId()).put("decidedAt", d.getDecidedAt().toString()).put("platform", d.getPlatform())
                .put("chatId", d.getChatId()).put("messageId", d.getMessageId()).put("itemId", d.getItemId()).put("queue", d.getQueue())
                .put("action", d.getAction().name()).put("category", d.getCategory() == null ? null : d.getCategory().name())
                .put("moderatorId", d.getModeratorId()).put("automatedDetection", d.getAutomatedDetection())
                .put("automatedDecision", d.getAutomatedDecision()).put("supersedesDecisionId", d.getSupersedesDecisionId())
                .put("caseId", d.getCaseId());
        ArrayNode notices = decision.putArray("noticeIds");
        d.getNoticeIds().forEach(notices::add);
        ArrayNode array = line.putArray("statements");
        for (StatementOfReasons s : statements) {
            ObjectNode statement = array.addObject().put("puid", s.getPuid()).put("kind", s.getKind().name())
                    .put("actionId", s.getActionId()).put("submittedToDatabase", s.getSubmit())
                    .put("supersedesPuid", s.getSupersedesPuid()).put("createdAt", s.getCreatedAt().toString());
            statement.set("statement", StatementJson.toJson(s.getStatement()));
        }
        return line + "\n";
    }

    private static String csv(ModerationDecision d, List<StatementOfReasons> statements) {
        StringBuilder rows = new StringBuilder();
        List<StatementOfReasons> each = statements.isEmpty() ? java.util.Collections.singletonList(null) : statements;
        for (StatementOfReasons s : each) {
            TransparencyStatement t = s == null ? null : s.getStatement();
            List<String> fields = new ArrayList<>(List.of(d.getDecisionId(), d.getDecidedAt().toString(), d.getPlatform(), d.getChatId(),
                    d.getMessageId(), d.getItemId(), d.getQueue(), d.getAction().name(), d.getCategory() == null ? "" : d.getCategory().name(),
                    d.getModeratorId(), String.valueOf(d.getAutomatedDetection()), String.valueOf(d.getAutomatedDecision()),
                    String.join("|", d.getNoticeIds()), text(d.getSupersedesDecisionId()), text(d.getCaseId())));
            if (s == null) {
                fields.addAll(java.util.Collections.nCopies(COLUMNS.size() - fields.size(), ""));
            } else {
                fields.addAll(List.of(s.getPuid(), s.getKind().name(), String.valueOf(s.getSubmit()), t.getDecisionGround(), t.getCategory(),
                        String.join("|", t.getCategorySpecification()), String.join("|", t.getDecisionVisibility()), text(t.getDecisionAccount()),
                        text(t.getDecisionProvision()), String.join("|", t.getContentType()), t.getContentDate(), t.getApplicationDate(),
                        t.getSourceType(), text(t.getIllegalContentLegalGround() != null ? t.getIllegalContentLegalGround() : t.getIncompatibleContentGround()),
                        t.getAutomatedDetection(), t.getAutomatedDecision()));
            }
            rows.append(String.join(",", fields.stream().map(Csv::field).toList())).append('\n');
        }
        return rows.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void write(Writer out, String text) {
        if (text == null) {
            return;
        }
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
    }
}
