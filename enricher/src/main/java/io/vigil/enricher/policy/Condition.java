package io.vigil.enricher.policy;

import java.util.Collection;
import java.util.Set;

/** One test a rule makes of a fact. A fact that is unknown for this message fails every condition on it. */
public sealed interface Condition {

    Field field();

    boolean holds(RuleInput input);

    /** {@code {at-least: min, at-most: max}} over a PROBABILITY or COUNT field; either bound may be absent (NaN). */
    record Range(Field field, double atLeast, double atMost) implements Condition {
        @Override
        public boolean holds(RuleInput input) {
            Object v = field.valueIn(input);
            if (!(v instanceof Number n)) {
                return false;
            }
            double x = n.doubleValue();
            return (Double.isNaN(atLeast) || x >= atLeast) && (Double.isNaN(atMost) || x <= atMost);
        }
    }

    /** {@code true} or {@code false} on a BOOLEAN field. */
    record Flag(Field field, boolean expected) implements Condition {
        @Override
        public boolean holds(RuleInput input) {
            return field.valueIn(input) instanceof Boolean b && b == expected;
        }
    }

    /** An ENUM field is one of these symbols. */
    record OneOf(Field field, Set<String> symbols) implements Condition {
        @Override
        public boolean holds(RuleInput input) {
            return field.valueIn(input) instanceof String s && symbols.contains(s);
        }
    }

    /** An ENUM_SET field holds any, all or none of these symbols. */
    record SetTest(Field field, Quantifier quantifier, Set<String> symbols) implements Condition {
        @Override
        public boolean holds(RuleInput input) {
            if (!(field.valueIn(input) instanceof Collection<?> present)) {
                return false;
            }
            return switch (quantifier) {
                case ANY_OF -> symbols.stream().anyMatch(present::contains);
                case ALL_OF -> present.containsAll(symbols);
                case NONE_OF -> symbols.stream().noneMatch(present::contains);
            };
        }
    }

    enum Quantifier {
        ANY_OF("any-of"), ALL_OF("all-of"), NONE_OF("none-of");

        private final String yamlName;

        Quantifier(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }
    }
}
