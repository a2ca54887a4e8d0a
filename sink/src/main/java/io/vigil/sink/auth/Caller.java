package io.vigil.sink.auth;

import java.util.List;
import java.util.Set;

/**
 * Who is calling, as a validated credential says: the token's subject, a display name, and the roles Vigil knows
 * (unknown role names in the claim are ignored).
 *
 * @param address the client's address as the sink saw it, for the audit log
 */
public record Caller(String subject, String name, Set<Role> roles, String address) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean may(Permission permission) {
        return roles.stream().anyMatch(role -> role.grants(permission));
    }

    public List<String> roleNames() {
        return roles.stream().map(Role::claimValue).sorted().toList();
    }
}
