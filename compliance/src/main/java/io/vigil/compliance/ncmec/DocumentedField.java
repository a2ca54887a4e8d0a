package io.vigil.compliance.ncmec;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One element of NCMEC's report XML as the CyberTipline Reporting API documents it: its name, how often it occurs,
 * what its text holds, its attributes and its children. The documentation's types are the source
 * ({@link CyberTiplineFields}); the XSD itself is served only by the API.
 */
record DocumentedField(String name, Occurs occurs, Kind kind, Set<String> values, Set<String> attributes, List<DocumentedField> children) {

    enum Occurs {
        REQUIRED, OPTIONAL, MANY, AT_LEAST_ONE;

        boolean allowsMany() {
            return this == MANY || this == AT_LEAST_ONE;
        }

        boolean required() {
            return this == REQUIRED || this == AT_LEAST_ONE;
        }
    }

    /** What the element's text holds; GROUP elements hold only children, FLAG elements nothing. */
    enum Kind { GROUP, TEXT, DATE_TIME, DATE, BOOLEAN, INTEGER, NUMBER, EMAIL, ENUM, FLAG }

    Optional<DocumentedField> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    static DocumentedField group(String name, Occurs occurs, DocumentedField... children) {
        return new DocumentedField(name, occurs, Kind.GROUP, Set.of(), Set.of(), List.of(children));
    }

    static DocumentedField leaf(String name, Occurs occurs, Kind kind) {
        return new DocumentedField(name, occurs, kind, Set.of(), Set.of(), List.of());
    }

    static DocumentedField oneOf(String name, Occurs occurs, Set<String> values) {
        return new DocumentedField(name, occurs, Kind.ENUM, values, Set.of(), List.of());
    }

    /** A value element whose other properties are attributes (an email with its type and verification). */
    static DocumentedField valued(String name, Occurs occurs, Kind kind, String... attributes) {
        return new DocumentedField(name, occurs, kind, Set.of(), Set.of(attributes), List.of());
    }

    DocumentedField withAttributes(String... attributes) {
        return new DocumentedField(name, occurs, kind, values, Set.of(attributes), children);
    }
}
