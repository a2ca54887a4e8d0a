package io.vigil.enricher.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a rule is evaluated on. An evidence rule ({@code on: bank_match | image | text}) weighs each finding of its
 * kind and sets the base score; a message rule (no {@code on}) reads the message's context once and raises a base
 * that evidence set, or adds a note.
 */
public enum Scope {
    MESSAGE(null),
    BANK_MATCH("bank_match"),
    IMAGE("image"),
    TEXT("text");

    private final String yamlName;

    Scope(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public boolean evidence() {
        return this != MESSAGE;
    }

    public static Optional<Scope> ofYaml(String name) {
        return Arrays.stream(values()).filter(s -> s.yamlName != null && s.yamlName.equals(name)).findFirst();
    }
}
