package io.vigil.schemas.evidence;

import java.util.Set;

/**
 * Codes of the {@code RiskReason}s on a queue item that are not Vigil's detection: a notice (DSA Art. 16), a trusted
 * flagger's notice (Art. 22), an appeal (Art. 20). Whoever adds such a reason and whoever reads "was this detected by
 * automated means" share them here.
 */
public final class ReasonCodes {

    public static final String NOTICE = "notice";
    public static final String TRUSTED_FLAGGER_NOTICE = "trusted_flagger_notice";
    public static final String APPEAL = "appeal";
    public static final Set<String> NOT_DETECTION = Set.of(NOTICE, TRUSTED_FLAGGER_NOTICE, APPEAL);

    private ReasonCodes() {
    }
}
