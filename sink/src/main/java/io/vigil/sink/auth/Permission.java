package io.vigil.sink.auth;

/** What a route or command needs of its caller. */
public enum Permission {
    VIEW, CLAIM, DECIDE, ESCALATE, REVEAL, REVEAL_UNCLAIMED, READ_AUDIT
}
