package io.vigil.sink.http;

import io.vigil.runtime.auth.Permission;
import io.vigil.runtime.auth.RouteRule;

/** The rule every sink route declares: who may call it. A route without one is refused (runtime's AccessGuard). */
public enum AccessRule implements RouteRule {
    /** No moderation data: the page's files, its login settings, metrics and health. */
    PUBLIC(Kind.PUBLIC, null),
    /** Any valid credential, whatever its roles. */
    SIGNED_IN(Kind.CALLER, null),
    VIEW(Kind.CALLER, Permission.VIEW),
    CLAIM(Kind.CALLER, Permission.CLAIM),
    ESCALATE(Kind.CALLER, Permission.ESCALATE),
    DECIDE(Kind.CALLER, Permission.DECIDE),
    REVEAL(Kind.CALLER, Permission.REVEAL),
    /** Sink instances asking each other (interactive queries), with the peer credential; no person's token works. */
    PEER(Kind.PEER, null);

    private final Kind kind;
    private final Permission permission;

    AccessRule(Kind kind, Permission permission) {
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
