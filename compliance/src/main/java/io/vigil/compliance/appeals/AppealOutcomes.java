package io.vigil.compliance.appeals;

import io.vigil.compliance.statements.Puid;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealOutcome;
import io.vigil.schemas.AppealResult;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;

/**
 * The outcome of an appeal from the decision a moderator took on its item: REVERSED reverses the contested decision
 * (the workflow issues a RESTORE action, the enricher withdraws the stay-down entries, a new statement of reasons
 * withdraws the old one); any other decision upholds it. The user is told which, with the reasons and the redress.
 */
public final class AppealOutcomes {

    private final AppealPolicy policy;

    public AppealOutcomes(AppealPolicy policy) {
        this.policy = policy;
    }

    public AppealOutcome outcome(Appeal appeal, ModerationDecision decision) {
        boolean reversed = decision.getAction() == ModerationAction.REVERSED;
        return AppealOutcome.newBuilder()
                .setAppealId(appeal.getAppealId())
                .setDecisionId(appeal.getDecisionId())
                .setOutcome(reversed ? AppealResult.REVERSED : AppealResult.UPHELD)
                .setDecidedBy(decision.getModeratorId())
                .setDecidedAt(decision.getDecidedAt())
                .setAppellantId(appeal.getAppellantId())
                .setPlatform(appeal.getPlatform())
                .setChatId(appeal.getChatId())
                .setMessageId(appeal.getMessageId())
                .setReasons(reversed ? "On review, the decision was found not to be justified and is reversed; the content is restored."
                        : "On review by another moderator, the decision was found justified and stands.")
                .setReversalDecisionId(reversed ? decision.getDecisionId() : null)
                // The workflow's action id is <decisionId>:<type>, from which the statement's puid derives.
                .setStatementPuid(reversed ? Puid.forAction(decision.getDecisionId() + ":" + EnforcementType.RESTORE.name()) : null)
                .setRedress(policy.redress())
                .build();
    }
}
