package io.vigil.compliance.statements;

/**
 * One field of a statement that the Transparency Database would refuse, with the message the database gives for it
 * (Laravel's wording, as in the 422 answers shown in api-documentation.md).
 */
public record RuleViolation(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
