package io.vigil.sink.work;

import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskReason;

import java.time.Instant;
import java.util.stream.Collectors;

/** What the platform is asked to do after a decision: one command per decision, with an id derived from it. */
public final class Enforcement {

    private Enforcement() {
    }

    public static EnforcementType typeOf(ModerationAction action) {
        return switch (action) {
            case CONFIRMED_REMOVE -> EnforcementType.REMOVE_MESSAGE;
            case CONFIRMED_REMOVE_AND_BAN -> EnforcementType.REMOVE_MESSAGE_AND_BAN_SENDER;
            case CONFIRMED_RESTRICT_CHAT -> EnforcementType.RESTRICT_CHAT;
            case REVERSED -> EnforcementType.RESTORE;
            case DISMISSED_FALSE_POSITIVE, DISMISSED_NO_ACTION, ESCALATED, UNKNOWN -> EnforcementType.NO_ACTION;
        };
    }

    /** The enforcement command for a decision; its id is {@code <decisionId>:<type>}, so a replay repeats the same id. */
    public static EnforcementAction of(ModerationDecision decision, QueueItem item, Instant issuedAt) {
        EnforcementType type = typeOf(decision.getAction());
        return EnforcementAction.newBuilder()
                .setActionId(decision.getDecisionId() + ":" + type.name())
                .setDecisionId(decision.getDecisionId())
                .setItemId(decision.getItemId())
                .setType(type)
                .setPlatform(decision.getPlatform())
                .setChatId(decision.getChatId())
                .setMessageId(decision.getMessageId())
                .setSenderId(decision.getSenderId())
                .setCategory(decision.getCategory())
                .setQueue(decision.getQueue())
                .setModeratorId(decision.getModeratorId())
                .setDecidedAt(decision.getDecidedAt())
                .setIssuedAt(issuedAt)
                .setCaseId(decision.getCaseId())
                .setContentSentAt(item.getSentAt())
                .setAutomatedDetection(decision.getAutomatedDetection())
                .setAutomatedDecision(false)
                // The detector's reasons are free of personal data by construction; the moderator's note is not copied.
                .setReason(item.getReasons().stream().map(RiskReason::getCode).distinct().collect(Collectors.joining(",")))
                .build();
    }
}
