package io.vigil.sink.http;

import io.javalin.security.RouteRole;
import io.vigil.sink.auth.Permission;

/** The rule every sink route declares: who may call it. A route without one is refused (see {@link AccessGuard}). */
public enum AccessRule implements RouteRole {
    /** No moderation data: the page's files, its login settings, metrics and health. */
    PUBLIC(null),
    /** Any valid credential, whatever its roles. */
    SIGNED_IN(null),
    VIEW(Permission.VIEW),
    CLAIM(Permission.CLAIM),
    ESCALATE(Permission.ESCALATE),
    DECIDE(Permission.DECIDE),
    REVEAL(Permission.REVEAL),
    /** Sink instances asking each other (interactive queries), with the peer credential; no person's token works. */
    PEER(null);

    private final Permission permission;

    AccessRule(Permission permission) {
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }
}
