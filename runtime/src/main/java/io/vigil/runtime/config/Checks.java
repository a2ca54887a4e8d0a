package io.vigil.runtime.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects "path: problem" lines for {@link Validatable#problems()} implementations. */
public final class Checks {

    private final List<String> problems = new ArrayList<>();

    public Checks require(boolean ok, String path, String problem) {
        if (!ok) {
            problems.add(path + ": " + problem);
        }
        return this;
    }

    public Checks notBlank(String value, String path) {
        return require(value != null && !value.isBlank(), path, "must be set");
    }

    public Checks positive(long value, String path) {
        return require(value > 0, path, "must be positive (got " + value + ")");
    }

    public Checks between(double value, double min, double max, String path) {
        return require(value >= min && value <= max, path, "must be between " + min + " and " + max + " (got " + value + ")");
    }

    public Checks nested(Validatable section, String path) {
        if (section == null) {
            problems.add(path + ": must be set");
        } else {
            section.problems().forEach(p -> problems.add(path + "." + p));
        }
        return this;
    }

    public Checks nestedAll(Collection<? extends Validatable> sections, String path) {
        int i = 0;
        for (Validatable section : sections) {
            nested(section, path + "[" + i++ + "]");
        }
        return this;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
