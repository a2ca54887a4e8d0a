package io.vigil.compliance.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.statements.ActionContext;
import io.vigil.compliance.statements.RuleViolation;
import io.vigil.compliance.statements.StatementDrafter;
import io.vigil.compliance.statements.StatementJson;
import io.vigil.compliance.statements.StatementValidator;
import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeReporterType;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.StatementOfReasons;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns each enforcement action into its statement of reasons: a restriction's from the policy and what is known of
 * the content and its notices, a RESTORE's as the reversal of the statement it withdraws. An action that restricts
 * nothing has none (counted); an action whose statement the database would refuse, or a RESTORE whose reversed
 * statement is not known, goes to the dead letters with the reason.
 */
public final class StatementDrafting implements Processor<String, EnforcementAction, String, StatementOfReasons> {

    private final StatementDrafter drafter;
    private final StatementValidator validator = new StatementValidator();
    private final Duration keepStatements;
    private final MeterRegistry registry;
    private final Clock clock;
    private ProcessorContext<String, StatementOfReasons> context;
    private KeyValueStore<String, QueueItem> items;
    private KeyValueStore<String, Notice> notices;
    private KeyValueStore<String, QueueEntry> decisions;
    private KeyValueStore<String, StatementOfReasons> statements;

    public StatementDrafting(StatementDrafter drafter, Duration keepStatements, MeterRegistry registry, Clock clock) {
        this.drafter = drafter;
        this.keepStatements = keepStatements;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, StatementOfReasons> context) {
        this.context = context;
        items = context.getStateStore(ComplianceStores.ITEMS);
        notices = context.getStateStore(ComplianceStores.NOTICES);
        decisions = context.getStateStore(ComplianceStores.DECISIONS);
        statements = context.getStateStore(ComplianceStores.STATEMENTS);
        Forgetting.schedule(context, statements, StatementOfReasons::getCreatedAt, keepStatements, clock);
    }

    @Override
    public void process(Record<String, EnforcementAction> record) {
        EnforcementAction action = record.value();
        StatementOfReasons statement = switch (action.getType()) {
            case UNKNOWN -> throw new RejectedRecordException("unknown_enforcement_type",
                    "enforcement action " + action.getActionId() + " has a type this service does not know");
            case NO_ACTION -> null;
            case RESTORE -> reversal(action);
            default -> restriction(action);
        };
        if (statement == null) {
            registry.counter("vigil.statements.skipped", "reason", "no_restriction").increment();
            return;
        }
        List<RuleViolation> violations = validator.validate(StatementJson.toJson(statement.getStatement()));
        if (!violations.isEmpty()) {
            throw new RejectedRecordException("statement_invalid", "the statement for action " + action.getActionId()
                    + " breaks the Transparency Database's rules: " + violations.stream().map(RuleViolation::toString)
                    .collect(Collectors.joining("; ")));
        }
        if (statements.get(action.getDecisionId()) == null) {
            statements.put(action.getDecisionId(), statement);
        }
        registry.counter("vigil.statements", "kind", statement.getKind().name().toLowerCase(Locale.ROOT),
                "category", statement.getStatement().getCategory()).increment();
        context.forward(record.withValue(statement));
    }

    private StatementOfReasons restriction(EnforcementAction action) {
        Optional<QueueItem> item = Optional.ofNullable(items.get(action.getItemId()));
        if (item.isEmpty()) {
            registry.counter("vigil.statements.without.item").increment();
        }
        Set<NoticeReporterType> sources = new HashSet<>();
        for (String noticeId : action.getNoticeIds()) {
            Notice notice = notices.get(noticeId);
            if (notice != null) {
                sources.add(notice.getReporterType());
            }
        }
        return drafter.restriction(new ActionContext(action, item, sources)).orElse(null);
    }

    private StatementOfReasons reversal(EnforcementAction restore) {
        QueueEntry entry = decisions.get(restore.getDecisionId());
        ModerationDecision reversing = entry == null ? null : entry.getDecision();
        if (reversing == null || reversing.getAction() != ModerationAction.REVERSED || reversing.getSupersedesDecisionId() == null) {
            throw new RejectedRecordException("reversal_unknown", "RESTORE action " + restore.getActionId()
                    + " follows no known REVERSED decision with the decision it reverses");
        }
        StatementOfReasons original = statements.get(reversing.getSupersedesDecisionId());
        if (original == null) {
            throw new RejectedRecordException("reversed_statement_unknown", "decision " + reversing.getSupersedesDecisionId()
                    + ", reversed by " + restore.getDecisionId() + ", has no statement this service remembers");
        }
        return drafter.reversal(restore, original);
    }
}
