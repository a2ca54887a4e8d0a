package io.vigil.sink.steps;

import io.vigil.schemas.AuditAction;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.CommandKind;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.OutcomeStatus;
import io.vigil.schemas.QueueEntry;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The audit records the topology writes with the state changes they describe (same transaction). */
final class AuditRecords {

    /** The actor the SLA clock's own escalations are recorded under. */
    static final String SLA_ACTOR = "sla";

    private AuditRecords() {
    }

    static AuditRecord ofCommand(ModerationCommand command, CommandOutcome outcome) {
        String reason = command.getKind() == CommandKind.DECIDE && command.getAction() != null ? command.getAction().name()
                : command.getKind() == CommandKind.APPROVE_REVEAL ? "for " + command.getForModerator() : command.getReason();
        return AuditRecord.newBuilder()
                .setAuditId("audit-" + command.getCommandId())
                .setAt(outcome.getAt())
                .setActor(command.getActor()).setActorName(command.getActorName()).setRoles(command.getRoles())
                .setSourceAddress(command.getSourceAddress())
                .setAction(switch (command.getKind()) {
                    case CLAIM -> AuditAction.CLAIM;
                    case RELEASE -> AuditAction.RELEASE;
                    case ESCALATE -> AuditAction.ESCALATION;
                    case DECIDE -> AuditAction.DECISION;
                    case REQUEST_REVEAL -> AuditAction.REVEAL_REQUEST;
                    case APPROVE_REVEAL -> AuditAction.REVEAL_APPROVAL;
                    case UNKNOWN -> AuditAction.UNKNOWN;
                })
                .setOutcome(outcome.getStatus() == OutcomeStatus.ACCEPTED ? "accepted" : outcome.getStatus().name().toLowerCase(Locale.ROOT))
                .setItemId(command.getItemId()).setCaseId(command.getCaseId()).setChatId(command.getChatId())
                .setQueue(command.getQueue()).setReason(reason == null ? "" : reason).setDecisionId(outcome.getDecisionId())
                .build();
    }

    static AuditRecord ofSlaEscalation(QueueEntry escalated, Instant at) {
        return AuditRecord.newBuilder()
                .setAuditId("audit-sla-" + escalated.getItemId())
                .setAt(at).setActor(SLA_ACTOR).setActorName("SLA clock").setRoles(List.of())
                .setAction(AuditAction.ESCALATION).setOutcome("accepted")
                .setItemId(escalated.getItemId()).setCaseId(escalated.getCaseId()).setChatId(escalated.getItem().getChatId())
                .setQueue(escalated.getEscalation().getFromQueue()).setReason(escalated.getEscalation().getReason())
                .build();
    }
}
