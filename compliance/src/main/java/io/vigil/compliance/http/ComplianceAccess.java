package io.vigil.compliance.http;

import io.vigil.runtime.auth.Permission;
import io.vigil.runtime.auth.RouteRule;

/** Who may call each route of the compliance service; a route without a rule is refused (runtime's AccessGuard). */
public enum ComplianceAccess implements RouteRule {
    /** The platform's backend for its users, and trusted flaggers with their own credential. */
    SUBMIT_NOTICE(Kind.CALLER, Permission.SUBMIT_NOTICE),
    /** The platform's backend, for its users. */
    SUBMIT_APPEAL(Kind.CALLER, Permission.SUBMIT_APPEAL),
    /** Child-safety moderators: the second person on a CyberTipline report. */
    REVIEW_CYBERTIPLINE(Kind.CALLER, Permission.REVIEW_CYBERTIPLINE),
    /** Compliance instances asking each other, with the peer credential. */
    PEER(Kind.PEER, null);

    private final Kind kind;
    private final Permission permission;

    ComplianceAccess(Kind kind, Permission permission) {
        this.kind = kind;
        this.permission = permission;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public Permission permission() {
        return permission;
    }
}
