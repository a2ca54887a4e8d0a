package io.vigil.runtime.auth;

import io.javalin.security.RouteRole;

/**
 * The rule a service's HTTP route declares: open, for peer instances of the service, or for a person (or a service
 * acting for people) whose roles grant {@link #permission()} (null: any valid credential).
 */
public interface RouteRule extends RouteRole {

    enum Kind { PUBLIC, PEER, CALLER }

    Kind kind();

    Permission permission();
}
