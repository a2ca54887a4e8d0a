package io.vigil.sink.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles a moderator's token can carry (from the configured claim) and what each may do. Which queues a role
 * sees is configuration ({@code access.queues}); what a role may do is the product's model and lives here.
 */
public enum Role {
    /** Reads queues, cases and blurred previews; decides nothing. */
    VIEWER(EnumSet.of(Permission.VIEW)),
    /** Claims, escalates and decides; reveals an original only with a senior's approval of its request. */
    MODERATOR(EnumSet.of(Permission.VIEW, Permission.CLAIM, Permission.DECIDE, Permission.ESCALATE, Permission.REVEAL)),
    /** A moderator who works escalations, reveals without a second approval, and approves moderators' reveals. */
    SENIOR(EnumSet.of(Permission.VIEW, Permission.CLAIM, Permission.DECIDE, Permission.ESCALATE, Permission.REVEAL,
            Permission.REVEAL_UNCLAIMED)),
    /** A moderator trained for child sexual abuse material (the CSAM queue is configured for this role); reveals as a moderator. */
    CHILD_SAFETY(EnumSet.of(Permission.VIEW, Permission.CLAIM, Permission.DECIDE, Permission.ESCALATE, Permission.REVEAL)),
    /** Reads queues and the audit log; takes no moderation decisions. */
    ADMIN(EnumSet.of(Permission.VIEW, Permission.READ_AUDIT));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /** The claim value: viewer, moderator, senior, child-safety, admin. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.claimValue().equalsIgnoreCase(value.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
