package io.vigil.compliance.statements;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.vigil.compliance.statements.TransparencyDatabaseRules.*;

/**
 * Checks a statement of reasons, as the JSON body the Transparency Database's API takes, against the database's own
 * rules ({@link TransparencyDatabaseRules}): what {@code StatementStoreRequest::rules()} refuses with a 422, and the
 * documented requirement of a territorial scope, which the code leaves nullable. An empty list means the database would
 * accept the statement's fields. The documentation's "end date not before the application date" is not checked: the
 * code does not check it and the database's own batch fixture breaks it; Vigil's drafter never writes such dates.
 * Line numbers in the comments are of StatementStoreRequest.php at the pinned commit.
 */
public final class StatementValidator {

    private static final DateTimeFormatter YMD = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final String[] END_DATES = {"end_date_account_restriction", "end_date_monetary_restriction",
            "end_date_service_restriction", "end_date_visibility_restriction"};

    public List<RuleViolation> validate(JsonNode statement) {
        Violations v = new Violations(statement);

        // Lines 34, 42, 45, 46: at least one of the four restriction types, each from its list.
        v.requiredWithoutAll("decision_visibility", "decision_monetary", "decision_provision", "decision_account");
        v.requiredWithoutAll("decision_monetary", "decision_visibility", "decision_provision", "decision_account");
        v.requiredWithoutAll("decision_provision", "decision_visibility", "decision_monetary", "decision_account");
        v.requiredWithoutAll("decision_account", "decision_visibility", "decision_monetary", "decision_provision");
        v.arrayIn("decision_visibility", DECISION_VISIBILITIES);
        v.in("decision_monetary", DECISION_MONETARIES);
        v.in("decision_provision", DECISION_PROVISIONS);
        v.in("decision_account", DECISION_ACCOUNTS);
        // Lines 36-40 and 43: the "other" restriction needs its words.
        if (v.listContains("decision_visibility", DECISION_VISIBILITY_OTHER)) {
            v.required("decision_visibility_other", "The decision visibility other field is required when decision visibility is other.");
            v.max("decision_visibility_other", MAX_SHORT_TEXT);
        }
        if (DECISION_MONETARY_OTHER.equals(v.text("decision_monetary"))) {
            v.required("decision_monetary_other", "The decision monetary other field is required when decision monetary is other.");
            v.max("decision_monetary_other", MAX_SHORT_TEXT);
        }
        v.in("account_type", ACCOUNT_TYPES); // line 47
        v.arrayIn("category_specification", KEYWORDS); // line 48
        v.max("category_specification_other", MAX_SHORT_TEXT); // line 49

        // Lines 51-57: the ground, and the texts each ground requires.
        v.required("decision_ground", null);
        v.in("decision_ground", DECISION_GROUNDS);
        v.url("decision_ground_reference_url");
        v.max("decision_ground_reference_url", MAX_SHORT_TEXT);
        String ground = v.text("decision_ground");
        if (DECISION_GROUND_ILLEGAL_CONTENT.equals(ground)) {
            v.required("illegal_content_legal_ground", "The illegal content legal ground field is required when decision ground is illegal content.");
            v.max("illegal_content_legal_ground", MAX_SHORT_TEXT);
            v.required("illegal_content_explanation", "The illegal content explanation field is required when decision ground is illegal content.");
            v.max("illegal_content_explanation", MAX_EXPLANATION);
        }
        if (DECISION_GROUND_INCOMPATIBLE_CONTENT.equals(ground)) {
            v.required("incompatible_content_ground", "The incompatible content ground field is required when decision ground is incompatible content.");
            v.max("incompatible_content_ground", MAX_SHORT_TEXT);
            v.required("incompatible_content_explanation", "The incompatible content explanation field is required when decision ground is incompatible content.");
            v.max("incompatible_content_explanation", MAX_EXPLANATION);
            v.in("incompatible_content_illegal", INCOMPATIBLE_CONTENT_ILLEGALS);
        }

        // Lines 59-65: content type, and its words when OTHER.
        v.required("content_type", null);
        v.arrayIn("content_type", CONTENT_TYPES);
        if (v.listContains("content_type", CONTENT_TYPE_OTHER)) {
            v.required("content_type_other", "The content type other field is required when content is other.");
            v.max("content_type_other", MAX_SHORT_TEXT);
        }

        // Lines 67-68.
        v.required("category", null);
        v.in("category", STATEMENT_CATEGORIES);
        v.arrayIn("category_addition", STATEMENT_CATEGORIES);

        // Line 70 allows an empty scope; api-documentation.md line 1171 calls it required. The stricter rule holds.
        v.required("territorial_scope", null);
        v.arrayIn("territorial_scope", EUROPEAN_COUNTRY_CODES);
        v.in("content_language", LANGUAGE_CODES); // line 72

        // Lines 74-79: dates, their format and bounds.
        v.required("content_date", null);
        v.date("content_date", EARLIEST_CONTENT_DATE, "The content date does not match the format YYYY-MM-DD.");
        v.required("application_date", null);
        v.date("application_date", EARLIEST_APPLICATION_DATE, "The application date does not match the format YYYY-MM-DD.");
        for (String end : END_DATES) {
            v.date(end, null, "The " + end.replace("end_date_", "end date of ").replace('_', ' ') + " does not match the format YYYY-MM-DD.");
        }

        // Lines 81-89.
        v.required("decision_facts", null);
        v.max("decision_facts", MAX_DECISION_FACTS);
        v.required("source_type", null);
        v.in("source_type", SOURCE_TYPES);
        if (!SOURCE_VOLUNTARY.equals(v.text("source_type"))) {
            v.max("source_identity", MAX_SHORT_TEXT);
        }
        v.required("automated_detection", null);
        v.in("automated_detection", AUTOMATED_DETECTIONS);
        v.required("automated_decision", null);
        v.in("automated_decision", AUTOMATED_DECISIONS);
        v.required("puid", null);
        v.max("puid", MAX_SHORT_TEXT);
        v.pattern("puid");
        return v.list;
    }

    static String label(String field) {
        return field.replace('_', ' ');
    }

    /** Collects violations, at most one per field and rule kind, in the order the rules are checked. */
    private static final class Violations {
        private final JsonNode statement;
        private final List<RuleViolation> list = new ArrayList<>();

        Violations(JsonNode statement) {
            this.statement = statement;
        }

        void add(String field, String message) {
            list.add(new RuleViolation(field, message));
        }

        JsonNode node(String field) {
            JsonNode node = statement.get(field);
            return node == null || node.isNull() ? null : node;
        }

        /** Laravel's "empty": absent, null, a blank string or an empty array. */
        boolean present(String field) {
            JsonNode node = node(field);
            if (node == null) {
                return false;
            }
            if (node.isTextual()) {
                return !node.asText().isBlank();
            }
            return !(node.isArray() || node.isObject()) || !node.isEmpty();
        }

        String text(String field) {
            JsonNode node = node(field);
            return node == null || !node.isValueNode() ? null : node.asText();
        }

        boolean listContains(String field, String value) {
            JsonNode node = node(field);
            if (node == null || !node.isArray()) {
                return false;
            }
            for (JsonNode item : node) {
                if (value.equals(item.asText())) {
                    return true;
                }
            }
            return false;
        }

        void required(String field, String message) {
            if (!present(field)) {
                add(field, message != null ? message : "The " + label(field) + " field is required.");
            }
        }

        void requiredWithoutAll(String field, String... others) {
            boolean noneOthers = true;
            for (String other : others) {
                noneOthers &= !present(other);
            }
            if (noneOthers && !present(field)) {
                List<String> labels = new ArrayList<>();
                for (String other : others) {
                    labels.add(label(other));
                }
                add(field, "The " + label(field) + " field is required when none of " + String.join(" / ", labels) + " are present.");
            }
        }

        void in(String field, Collection<String> allowed) {
            JsonNode node = node(field);
            if (node != null && !(node.isTextual() && allowed.contains(node.asText()))) {
                add(field, "The selected " + label(field) + " is invalid.");
            }
        }

        void arrayIn(String field, Set<String> allowed) {
            JsonNode node = node(field);
            if (node == null) {
                return;
            }
            if (!node.isArray()) {
                add(field, "The " + label(field) + " field must be an array.");
                return;
            }
            for (JsonNode item : node) {
                if (!item.isTextual() || !allowed.contains(item.asText())) {
                    add(field, "The selected " + label(field) + " is invalid.");
                    return;
                }
            }
        }

        /** Laravel's max on a string counts characters (mb_strlen), not bytes or UTF-16 units. */
        void max(String field, int max) {
            JsonNode node = node(field);
            if (node != null && node.isTextual() && node.asText().codePointCount(0, node.asText().length()) > max) {
                add(field, "The " + label(field) + " field must not be greater than " + max + " characters.");
            }
        }

        void url(String field) {
            String value = text(field);
            if (value == null || value.isBlank()) {
                return;
            }
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    add(field, "The " + label(field) + " field must be a valid URL.");
                }
            } catch (URISyntaxException e) {
                add(field, "The " + label(field) + " field must be a valid URL.");
            }
        }

        void pattern(String field) {
            String value = text(field);
            if (value != null && !value.isEmpty() && !PUID.matcher(value).matches()) {
                add(field, "The puid format is invalid.");
            }
        }

        /** date_format:Y-m-d, then the lower bound (if any) and 2038-01-01. */
        void date(String field, LocalDate earliest, String formatMessage) {
            String value = text(field);
            if (value == null || value.isBlank()) {
                return;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value, YMD);
            } catch (DateTimeParseException e) {
                add(field, formatMessage);
                return;
            }
            if (earliest != null && date.isBefore(earliest)) {
                add(field, "The " + label(field) + " field must be a date after or equal to " + earliest + ".");
            }
            if (date.isAfter(LATEST_DATE)) {
                add(field, "The " + label(field) + " field must be a date before or equal to " + LATEST_DATE + ".");
            }
        }
    }
}
