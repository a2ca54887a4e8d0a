package io.vigil.sink.auth;

/** What a route or command needs of its caller. REVEAL_UNCLAIMED: reveal without a second approval, and approve others'. */
public enum Permission {
    VIEW, CLAIM, DECIDE, ESCALATE, REVEAL, REVEAL_UNCLAIMED, READ_AUDIT
}
