package io.vigil.compliance.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every rule of the Transparency Database that {@link StatementValidator} applies, each from its source at commit
 * 69e80a0 of digital-services-act/transparency-database: "SSR n" is line n of
 * app/Http/Requests/StatementStoreRequest.php, "API n" line n of resources/markdown/api-documentation.md. Each case
 * breaks one field of the database's own example statement and expects the database's own message for it.
 */
class StatementValidatorTest {

    private final StatementValidator validator = new StatementValidator();

    @Test
    void theDatabasesOwnExampleStatementIsAccepted() throws IOException {
        assertThat(validator.validate(fixture("example_statement.json"))).isEmpty();
    }

    @Test
    void everyStatementOfTheDatabasesOwnBatchExampleIsAccepted() throws IOException {
        JsonNode statements = fixture("example_multi_statements.json").get("statements");

        assertThat(statements).hasSizeGreaterThan(1);
        statements.forEach(statement -> assertThat(validator.validate(statement)).as(statement.get("puid").asText()).isEmpty());
    }

    @Test
    void theApiDocumentationsExamplePayloadIsAccepted() throws IOException {
        assertThat(validator.validate(fixture("api_documentation_example.json"))).isEmpty();
    }

    /** API 1378-1446: a blank payload; the documented answer lists these fields with these messages. */
    @Test
    void aBlankStatementGetsTheErrorsTheDocumentationShowsForIt() {
        List<RuleViolation> violations = validator.validate(StatementJson.MAPPER.createObjectNode());

        assertThat(violations).contains(
                new RuleViolation("decision_visibility", "The decision visibility field is required when none of decision monetary / decision provision / decision account are present."),
                new RuleViolation("decision_monetary", "The decision monetary field is required when none of decision visibility / decision provision / decision account are present."),
                new RuleViolation("decision_provision", "The decision provision field is required when none of decision visibility / decision monetary / decision account are present."),
                new RuleViolation("decision_account", "The decision account field is required when none of decision visibility / decision monetary / decision provision are present."),
                new RuleViolation("decision_ground", "The decision ground field is required."),
                new RuleViolation("content_type", "The content type field is required."),
                new RuleViolation("category", "The category field is required."),
                new RuleViolation("application_date", "The application date field is required."),
                new RuleViolation("decision_facts", "The decision facts field is required."),
                new RuleViolation("source_type", "The source type field is required."),
                new RuleViolation("automated_detection", "The automated detection field is required."),
                new RuleViolation("automated_decision", "The automated decision field is required."),
                new RuleViolation("puid", "The puid field is required."));
        // The documented answer predates two required fields: content_date (SSR 74) and territorial_scope (API 1171).
        assertThat(violations).extracting(RuleViolation::field).containsOnly("decision_visibility", "decision_monetary",
                "decision_provision", "decision_account", "decision_ground", "content_type", "category", "application_date",
                "decision_facts", "source_type", "automated_detection", "automated_decision", "puid", "content_date", "territorial_scope");
    }

    static Stream<Arguments> rules() {
        String a501 = "a".repeat(501);
        String a2001 = "a".repeat(2001);
        return Stream.of(
                arguments("SSR 34: decision_visibility values from Statement::DECISION_VISIBILITIES", "decision_visibility", "[\"DECISION_VISIBILITY_HIDDEN\"]", "The selected decision visibility is invalid."),
                arguments("SSR 34: decision_visibility is an array", "decision_visibility", "\"DECISION_VISIBILITY_CONTENT_REMOVED\"", "The decision visibility field must be an array."),
                arguments("SSR 36-40: decision_visibility_other required with DECISION_VISIBILITY_OTHER", "decision_visibility", "[\"DECISION_VISIBILITY_OTHER\"]", "decision_visibility_other|The decision visibility other field is required when decision visibility is other."),
                arguments("SSR 42: decision_monetary from Statement::DECISION_MONETARIES", "decision_monetary", "\"DECISION_MONETARY_FINE\"", "The selected decision monetary is invalid."),
                arguments("SSR 43: decision_monetary_other required with DECISION_MONETARY_OTHER", "decision_monetary", "\"DECISION_MONETARY_OTHER\"", "decision_monetary_other|The decision monetary other field is required when decision monetary is other."),
                arguments("SSR 45: decision_provision from Statement::DECISION_PROVISIONS", "decision_provision", "\"DECISION_PROVISION_BLOCKED\"", "The selected decision provision is invalid."),
                arguments("SSR 46: decision_account from Statement::DECISION_ACCOUNTS", "decision_account", "\"DECISION_ACCOUNT_BANNED\"", "The selected decision account is invalid."),
                arguments("SSR 47: account_type from Statement::ACCOUNT_TYPES", "account_type", "\"ACCOUNT_TYPE_GROUP\"", "The selected account type is invalid."),
                arguments("SSR 48: category_specification from Statement::KEYWORDS (v2: v1's KEYWORD_DISINFORMATION is gone)", "category_specification", "[\"KEYWORD_DISINFORMATION\"]", "The selected category specification is invalid."),
                arguments("SSR 49: category_specification_other at most 500 characters", "category_specification_other", "\"" + a501 + "\"", "The category specification other field must not be greater than 500 characters."),
                arguments("SSR 51: decision_ground from Statement::DECISION_GROUNDS", "decision_ground", "\"DECISION_GROUND_POLICY\"", "The selected decision ground is invalid."),
                arguments("SSR 51: decision_ground required", "decision_ground", null, "The decision ground field is required."),
                arguments("SSR 52: decision_ground_reference_url is a URL", "decision_ground_reference_url", "\"terms page\"", "The decision ground reference url field must be a valid URL."),
                arguments("SSR 52: decision_ground_reference_url at most 500 characters", "decision_ground_reference_url", "\"https://platform.example/" + a501 + "\"", "The decision ground reference url field must not be greater than 500 characters."),
                arguments("SSR 55: incompatible_content_ground required with DECISION_GROUND_INCOMPATIBLE_CONTENT", "incompatible_content_ground", null, "The incompatible content ground field is required when decision ground is incompatible content."),
                arguments("SSR 55: incompatible_content_ground at most 500 characters", "incompatible_content_ground", "\"" + a501 + "\"", "The incompatible content ground field must not be greater than 500 characters."),
                arguments("SSR 56: incompatible_content_explanation required with DECISION_GROUND_INCOMPATIBLE_CONTENT", "incompatible_content_explanation", null, "The incompatible content explanation field is required when decision ground is incompatible content."),
                arguments("SSR 56: incompatible_content_explanation at most 2000 characters", "incompatible_content_explanation", "\"" + a2001 + "\"", "The incompatible content explanation field must not be greater than 2000 characters."),
                arguments("SSR 57: incompatible_content_illegal Yes or No", "incompatible_content_illegal", "\"Maybe\"", "The selected incompatible content illegal is invalid."),
                arguments("SSR 59: content_type required", "content_type", null, "The content type field is required."),
                arguments("SSR 59: content_type from Statement::CONTENT_TYPES", "content_type", "[\"CONTENT_TYPE_STICKER\"]", "The selected content type is invalid."),
                arguments("SSR 61-65: content_type_other required with CONTENT_TYPE_OTHER", "content_type", "[\"CONTENT_TYPE_OTHER\"]", "content_type_other|The content type other field is required when content is other."),
                arguments("SSR 67: category required", "category", null, "The category field is required."),
                arguments("SSR 67: category from Statement::STATEMENT_CATEGORIES (v2: v1's NON_CONSENSUAL_BEHAVIOUR is gone)", "category", "\"STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR\"", "The selected category is invalid."),
                arguments("SSR 68: category_addition from Statement::STATEMENT_CATEGORIES", "category_addition", "[\"STATEMENT_CATEGORY_SPAM\"]", "The selected category addition is invalid."),
                arguments("SSR 70: territorial_scope EU/EEA codes only", "territorial_scope", "[\"DE\", \"US\"]", "The selected territorial scope is invalid."),
                arguments("API 1171: territorial_scope required", "territorial_scope", null, "The territorial scope field is required."),
                arguments("SSR 72, API 1195: content_language an upper-case ISO 639-1 code", "content_language", "\"en\"", "The selected content language is invalid."),
                arguments("SSR 74: content_date required", "content_date", null, "The content date field is required."),
                arguments("SSR 74: content_date is YYYY-MM-DD", "content_date", "\"08/12/2025\"", "The content date does not match the format YYYY-MM-DD."),
                arguments("SSR 74: content_date on or after 2000-01-01", "content_date", "\"1999-12-31\"", "The content date field must be a date after or equal to 2000-01-01."),
                arguments("SSR 75: application_date on or after 2020-01-01", "application_date", "\"2019-12-31\"", "The application date field must be a date after or equal to 2020-01-01."),
                arguments("SSR 75: application_date on or before 2038-01-01", "application_date", "\"2038-01-02\"", "The application date field must be a date before or equal to 2038-01-01."),
                arguments("SSR 75: application_date is a real date", "application_date", "\"2025-02-30\"", "The application date does not match the format YYYY-MM-DD."),
                arguments("SSR 76: end_date_account_restriction is YYYY-MM-DD", "end_date_account_restriction", "\"2026-1-1\"", "The end date of account restriction does not match the format YYYY-MM-DD."),
                arguments("SSR 81: decision_facts required", "decision_facts", null, "The decision facts field is required."),
                arguments("SSR 81: decision_facts at most 5000 characters", "decision_facts", "\"" + "a".repeat(5001) + "\"", "The decision facts field must not be greater than 5000 characters."),
                arguments("SSR 82: source_type from Statement::SOURCE_TYPES", "source_type", "\"SOURCE_USER\"", "The selected source type is invalid."),
                arguments("SSR 83-86: source_identity at most 500 characters", "source_identity", "\"" + a501 + "\"", "The source identity field must not be greater than 500 characters."),
                arguments("SSR 87: automated_detection Yes or No", "automated_detection", "\"maybe\"", "The selected automated detection is invalid."),
                arguments("SSR 88: automated_decision from Statement::AUTOMATED_DECISIONS", "automated_decision", "\"Yes\"", "The selected automated decision is invalid."),
                arguments("SSR 89: puid required", "puid", null, "The puid field is required."),
                arguments("SSR 89: puid only letters, digits, - and _", "puid", "\"item:42\"", "The puid format is invalid."),
                arguments("SSR 89: puid at most 500 characters", "puid", "\"" + a501 + "\"", "The puid field must not be greater than 500 characters."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleRefusesWhatTheDatabaseRefuses(String source, String field, String json, String message) throws IOException {
        ObjectNode statement = (ObjectNode) fixture("example_statement.json");
        if (json == null) {
            statement.remove(field);
        } else {
            statement.set(field, StatementJson.MAPPER.readTree(json));
        }

        // A message "field|text" names a field other than the one broken (the "other" fields a value requires).
        String violated = message.contains("|") ? message.substring(0, message.indexOf('|')) : field;
        String text = message.substring(message.indexOf('|') + 1);
        assertThat(validator.validate(statement)).as(source).containsExactly(new RuleViolation(violated, text));
    }

    @Test
    void illegalContentNeedsTheLawAndItsExplanationButNoTermsClause() throws IOException {
        // SSR 53-56: required_if / exclude_unless on the decision ground.
        ObjectNode statement = (ObjectNode) fixture("example_statement.json");
        statement.put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT");

        assertThat(validator.validate(statement)).containsExactly(
                new RuleViolation("illegal_content_legal_ground", "The illegal content legal ground field is required when decision ground is illegal content."),
                new RuleViolation("illegal_content_explanation", "The illegal content explanation field is required when decision ground is illegal content."));

        statement.put("illegal_content_legal_ground", "a".repeat(500)).put("illegal_content_explanation", "a".repeat(2000));
        assertThat(validator.validate(statement)).isEmpty();
        statement.put("illegal_content_legal_ground", "a".repeat(501));
        assertThat(validator.validate(statement)).containsExactly(new RuleViolation("illegal_content_legal_ground",
                "The illegal content legal ground field must not be greater than 500 characters."));
    }

    @Test
    void oneRestrictionOfAnyKindIsEnough() throws IOException {
        // SSR 34, 42, 45, 46: required_without_all; additional-explanation section 3: at least one of the four.
        ObjectNode statement = (ObjectNode) fixture("example_statement.json");
        statement.remove(List.of("decision_visibility", "decision_monetary", "decision_provision", "end_date_monetary_restriction"));

        assertThat(validator.validate(statement)).isEmpty();
        statement.remove("decision_account");
        assertThat(validator.validate(statement)).extracting(RuleViolation::field)
                .containsExactly("decision_visibility", "decision_monetary", "decision_provision", "decision_account");
    }

    @Test
    void lengthsCountCharactersAsLaravelsMbStrlenDoes() throws IOException {
        // SSR 55 'max:500' counts characters: 500 two-byte, or surrogate-pair, characters are allowed.
        ObjectNode statement = (ObjectNode) fixture("example_statement.json");
        statement.put("incompatible_content_ground", "é".repeat(250) + "😀".repeat(250));

        assertThat(validator.validate(statement)).isEmpty();
    }

    @Test
    void anEndDateBeforeTheApplicationDateIsNotRefusedAsTheDatabasesOwnBatchExampleShows() throws IOException {
        // API 1233-1269 say an end date is on or after the application date, but SSR 76-79 do not check it, and the
        // database's own batch fixture (cypress/fixtures/example_multi_statements.json) has such a statement. Vigil's
        // drafts never do this (StatementDrafterTest); the validator predicts the database's answer.
        ObjectNode statement = (ObjectNode) fixture("example_statement.json");
        statement.put("end_date_monetary_restriction", "2025-12-01");

        assertThat(validator.validate(statement)).isEmpty();
    }

    @Test
    void aVoluntarySourcesIdentityIsIgnoredAsTheDatabaseExcludesIt() throws IOException {
        // SSR 83-86: source_identity is excluded when source_type is SOURCE_VOLUNTARY.
        ObjectNode statement = (ObjectNode) fixture("example_statement.json");
        statement.put("source_type", "SOURCE_VOLUNTARY").put("source_identity", "a".repeat(501));

        assertThat(validator.validate(statement)).isEmpty();
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = StatementValidatorTest.class.getResourceAsStream("/tdb/" + name)) {
            return StatementJson.MAPPER.readTree(in);
        }
    }
}
