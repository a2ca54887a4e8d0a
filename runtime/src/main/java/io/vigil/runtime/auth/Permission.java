package io.vigil.runtime.auth;

/**
 * What a route or command needs of its caller. REVEAL_UNCLAIMED: reveal without a second approval, and approve others'.
 * SUBMIT_NOTICE, SUBMIT_APPEAL: post notices (DSA Art. 16) and users' appeals (Art. 20); REVIEW_CYBERTIPLINE: be the
 * second person on a CyberTipline report; READ_COMPLIANCE: transparency reports and exports of decisions.
 */
public enum Permission {
    VIEW, CLAIM, DECIDE, ESCALATE, REVEAL, REVEAL_UNCLAIMED, READ_AUDIT, SUBMIT_NOTICE, SUBMIT_APPEAL, REVIEW_CYBERTIPLINE,
    READ_COMPLIANCE
}
