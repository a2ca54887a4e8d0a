package io.vigil.compliance.intake;

import java.util.List;

/** A request the intake refuses, with every problem found (a 400 lists them all). */
public final class IntakeProblems extends Exception {

    private final transient List<String> problems;

    public IntakeProblems(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
