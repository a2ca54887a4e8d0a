package io.vigil.sink.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-queue access from configuration: a queue listed here is seen and worked only by callers with one of its
 * roles (the CSAM queue by child-safety, the senior queue by seniors); a queue not listed is open to every role
 * that may view at all.
 */
public record QueueAccess(Map<String, List<String>> queues) {

    public QueueAccess {
        queues = queues == null ? Map.of() : Map.copyOf(queues);
    }

    public boolean allows(Set<Role> roles, String queue) {
        List<String> allowed = queues.get(queue);
        return allowed == null || roles.stream().anyMatch(role -> allowed.contains(role.claimValue()));
    }

    public boolean allows(Caller caller, String queue) {
        return allows(caller.roles(), queue);
    }

    /** Role names that do not exist, for the start-up check. */
    public List<String> unknownRoles() {
        return queues.values().stream().flatMap(List::stream).filter(name -> Role.fromClaim(name).isEmpty()).distinct().toList();
    }
}
