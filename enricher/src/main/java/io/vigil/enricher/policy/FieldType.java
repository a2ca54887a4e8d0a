package io.vigil.enricher.policy;

/** How a field's value is compared and written in a reason. */
public enum FieldType {
    /** 0-1; conditions {@code {at-least: p, at-most: p}}; written as a percentage. */
    PROBABILITY,
    /** A whole number of things; conditions {@code {at-least: n, at-most: n}}; written with thousands separators. */
    COUNT,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One symbol; condition: a list of symbols, one of which it must be. */
    ENUM,
    /** A set of symbols; conditions {@code {any-of: [...]}}, {@code {all-of: [...]}}, {@code {none-of: [...]}}. */
    ENUM_SET
}
