package io.vigil.compliance.statements;

import java.util.List;

/**
 * The restrictions one kind of enforcement action imposes, in the Transparency Database's terms (Art. 17(1)(a)-(d)):
 * on the content's visibility, on the provision of the service, on the account. Configuration per EnforcementType.
 *
 * @param visibility      DECISION_VISIBILITY_* values
 * @param visibilityOther words for DECISION_VISIBILITY_OTHER
 * @param provision       a DECISION_PROVISION_* value or empty
 * @param account         a DECISION_ACCOUNT_* value or empty
 * @param durationDays    0: indefinite (no end date); else the end date is the application date plus these days
 */
public record Restriction(List<String> visibility, String visibilityOther, String provision, String account, int durationDays) {

    public Restriction {
        visibility = visibility == null ? List.of() : List.copyOf(visibility);
    }
}
