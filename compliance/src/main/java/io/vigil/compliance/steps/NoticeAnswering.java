package io.vigil.compliance.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.compliance.statements.Puid;
import io.vigil.compliance.statements.StatementPolicy;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeResponse;
import io.vigil.schemas.NoticeResponseKind;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each notifier the decision on their notice (DSA Art. 16(5)): what was done, whether automated means were used
 * in detecting and in deciding, the statement of reasons when the content was restricted, and the redress open to
 * them. One answer per notice an enforcement action names, addressed as the notice came in; the platform delivers it.
 */
public final class NoticeAnswering implements Processor<String, EnforcementAction, String, NoticeResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(NoticeAnswering.class);

    private final String redress;
    private final MeterRegistry registry;
    private ProcessorContext<String, NoticeResponse> context;
    private KeyValueStore<String, Notice> notices;

    public NoticeAnswering(String redress, MeterRegistry registry) {
        this.redress = redress;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, NoticeResponse> context) {
        this.context = context;
        notices = context.getStateStore(ComplianceStores.NOTICES);
    }

    @Override
    public void process(Record<String, EnforcementAction> record) {
        EnforcementAction action = record.value();
        for (String noticeId : action.getNoticeIds()) {
            Notice notice = notices.get(noticeId);
            if (notice == null) {
                // The action is not lost (its statement is drafted); this notifier cannot be addressed, which is counted.
                registry.counter("vigil.notice.answers.unaddressable").increment();
                LOG.warn("action {} answers notice {}, which this service does not remember; its notifier is not answered",
                        action.getActionId(), noticeId);
                continue;
            }
            context.forward(record.withValue(NoticeResponse.newBuilder()
                    .setNoticeId(noticeId)
                    .setKind(NoticeResponseKind.DECIDED)
                    .setAt(action.getIssuedAt())
                    .setSubmittedBy(notice.getSubmittedBy())
                    .setReporterReference(notice.getReporterReference())
                    .setPlatform(action.getPlatform())
                    .setChatId(action.getChatId())
                    .setMessageId(action.getMessageId())
                    .setDecisionId(action.getDecisionId())
                    .setEnforcement(action.getType())
                    .setOutcome(outcome(action.getType()))
                    .setAutomatedDetection(action.getAutomatedDetection())
                    .setAutomatedDecision(action.getAutomatedDecision())
                    .setStatementPuid(StatementPolicy.RESTRICTING.contains(action.getType()) ? Puid.forAction(action.getActionId()) : null)
                    .setRedress(redress)
                    .build()));
            registry.counter("vigil.notice.answers").increment();
        }
    }

    static String outcome(EnforcementType type) {
        return switch (type) {
            case REMOVE_MESSAGE -> "The message was removed.";
            case REMOVE_MESSAGE_AND_BAN_SENDER -> "The message was removed and the account that posted it was banned.";
            case RESTRICT_CHAT -> "Access to the chat the message was posted in was restricted.";
            case NO_ACTION -> "The platform reviewed the message and took no action against it.";
            case RESTORE -> "On review, an earlier decision was reversed and the content restored.";
            case UNKNOWN -> "The platform reviewed the message.";
        };
    }
}
