package io.vigil.enricher.policy;

import java.util.List;

/** A policy that cannot be used, with every problem found in it. */
public final class PolicyException extends RuntimeException {

    private final List<String> problems;

    public PolicyException(String source, List<String> problems) {
        super("policy " + source + " has " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
