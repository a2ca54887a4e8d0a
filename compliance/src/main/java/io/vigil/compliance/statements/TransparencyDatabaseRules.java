package io.vigil.compliance.statements;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The EU DSA Transparency Database's validation rules for a statement of reasons, written down from the database's
 * own code and documentation at commit 69e80a0bc8eb3cbfbe8246e898194c3bdf490a4b of
 * github.com/digital-services-act/transparency-database:
 * <ul>
 *   <li>{@code app/Models/Statement.php}: the allowed values of every enumerated field (the keys of its arrays);</li>
 *   <li>{@code app/Http/Requests/StatementStoreRequest.php} {@code rules()}: required, required_if,
 *       required_without_all, max lengths, date formats and bounds, the puid pattern;</li>
 *   <li>{@code resources/markdown/api-documentation.md}: the same rules in words, the batch endpoint's limit, and
 *       two rules the request class does not state (territorial scope is required; end dates are not before the
 *       application date);</li>
 *   <li>{@code app/Http/Controllers/Api/v1/StatementMultipleAPIController.php}: 1 to 100 statements per batch;</li>
 *   <li>{@code app/Providers/RouteServiceProvider.php}: the API's rate limits.</li>
 * </ul>
 * {@link StatementValidator} applies them; each rule's test cites the line it comes from. When the database changes
 * its schema (as it did on 1 July 2025), this file changes with it.
 */
public final class TransparencyDatabaseRules {

    private TransparencyDatabaseRules() {
    }

    public static final String SOURCE_COMMIT = "69e80a0bc8eb3cbfbe8246e898194c3bdf490a4b";

    /** Statement::DECISION_VISIBILITIES, app/Models/Statement.php line 176 (the keys). */
    public static final Set<String> DECISION_VISIBILITIES = ordered(
            "DECISION_VISIBILITY_CONTENT_REMOVED",
            "DECISION_VISIBILITY_CONTENT_DISABLED",
            "DECISION_VISIBILITY_CONTENT_DEMOTED",
            "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_LABELLED",
            "DECISION_VISIBILITY_OTHER");

    /** Statement::DECISION_MONETARIES, app/Models/Statement.php line 194 (the keys). */
    public static final Set<String> DECISION_MONETARIES = ordered(
            "DECISION_MONETARY_SUSPENSION",
            "DECISION_MONETARY_TERMINATION",
            "DECISION_MONETARY_OTHER");

    /** Statement::DECISION_PROVISIONS, app/Models/Statement.php line 210 (the keys). */
    public static final Set<String> DECISION_PROVISIONS = ordered(
            "DECISION_PROVISION_PARTIAL_SUSPENSION",
            "DECISION_PROVISION_TOTAL_SUSPENSION",
            "DECISION_PROVISION_PARTIAL_TERMINATION",
            "DECISION_PROVISION_TOTAL_TERMINATION");

    /** Statement::DECISION_ACCOUNTS, app/Models/Statement.php line 223 (the keys). */
    public static final Set<String> DECISION_ACCOUNTS = ordered(
            "DECISION_ACCOUNT_SUSPENDED",
            "DECISION_ACCOUNT_TERMINATED");

    /** Statement::ACCOUNT_TYPES, app/Models/Statement.php line 39 (the keys). */
    public static final Set<String> ACCOUNT_TYPES = ordered(
            "ACCOUNT_TYPE_BUSINESS",
            "ACCOUNT_TYPE_PRIVATE");

    /** Statement::DECISION_GROUNDS, app/Models/Statement.php line 125 (the keys). */
    public static final Set<String> DECISION_GROUNDS = ordered(
            "DECISION_GROUND_ILLEGAL_CONTENT",
            "DECISION_GROUND_INCOMPATIBLE_CONTENT");

    /** Statement::INCOMPATIBLE_CONTENT_ILLEGALS, app/Models/Statement.php line 144 (the values). */
    public static final Set<String> INCOMPATIBLE_CONTENT_ILLEGALS = ordered(
            "Yes",
            "No");

    /** Statement::CONTENT_TYPES, app/Models/Statement.php line 81 (the keys). */
    public static final Set<String> CONTENT_TYPES = ordered(
            "CONTENT_TYPE_APP",
            "CONTENT_TYPE_AUDIO",
            "CONTENT_TYPE_IMAGE",
            "CONTENT_TYPE_PRODUCT",
            "CONTENT_TYPE_SYNTHETIC_MEDIA",
            "CONTENT_TYPE_TEXT",
            "CONTENT_TYPE_VIDEO",
            "CONTENT_TYPE_OTHER");

    /** Statement::STATEMENT_CATEGORIES, app/Models/Statement.php line 266 (the keys). */
    public static final Set<String> STATEMENT_CATEGORIES = ordered(
            "STATEMENT_CATEGORY_ANIMAL_WELFARE",
            "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
            "STATEMENT_CATEGORY_CYBER_VIOLENCE",
            "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
            "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
            "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
            "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
            "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
            "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
            "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
            "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
            "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
            "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
            "STATEMENT_CATEGORY_SELF_HARM",
            "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
            "STATEMENT_CATEGORY_VIOLENCE");

    /** Statement::KEYWORDS, app/Models/Statement.php line 429 (the keys). */
    public static final Set<String> KEYWORDS = ordered(
            "KEYWORD_ADULT_SEXUAL_MATERIAL",
            "KEYWORD_AGE_SPECIFIC_RESTRICTIONS",
            "KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS",
            "KEYWORD_ANIMAL_HARM",
            "KEYWORD_BIOMETRIC_DATA_BREACH",
            "KEYWORD_BULLYING_AGAINST_GIRLS",
            "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL",
            "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE",
            "KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS",
            "KEYWORD_COORDINATED_HARM",
            "KEYWORD_COPYRIGHT_INFRINGEMENT",
            "KEYWORD_CYBER_BULLYING_INTIMIDATION",
            "KEYWORD_CYBER_HARASSMENT",
            "KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN",
            "KEYWORD_CYBER_INCITEMENT",
            "KEYWORD_CYBER_STALKING",
            "KEYWORD_CYBER_STALKING_AGAINST_WOMEN",
            "KEYWORD_DATA_FALSIFICATION",
            "KEYWORD_DEFAMATION",
            "KEYWORD_DESIGN_INFRINGEMENT",
            "KEYWORD_DISCRIMINATION",
            "KEYWORD_FEMALE_GENDERED_DISINFORMATION",
            "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT",
            "KEYWORD_GEOGRAPHICAL_REQUIREMENTS",
            "KEYWORD_GOODS_SERVICES_NOT_PERMITTED",
            "KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS",
            "KEYWORD_HATE_SPEECH",
            "KEYWORD_HIDDEN_ADVERTISEMENT",
            "KEYWORD_HUMAN_EXPLOITATION",
            "KEYWORD_HUMAN_TRAFFICKING",
            "KEYWORD_ILLEGAL_ORGANIZATIONS",
            "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING",
            "KEYWORD_INAUTHENTIC_ACCOUNTS",
            "KEYWORD_INAUTHENTIC_LISTINGS",
            "KEYWORD_INAUTHENTIC_USER_REVIEWS",
            "KEYWORD_INCITEMENT_AGAINST_WOMEN",
            "KEYWORD_INCITEMENT_VIOLENCE_HATRED",
            "KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS",
            "KEYWORD_LANGUAGE_REQUIREMENTS",
            "KEYWORD_MISINFORMATION_DISINFORMATION",
            "KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS",
            "KEYWORD_MISLEADING_INFO_GOODS_SERVICES",
            "KEYWORD_MISSING_PROCESSING_GROUND",
            "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING",
            "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN",
            "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE",
            "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN",
            "KEYWORD_NONCOMPLIANCE_PRICING",
            "KEYWORD_NUDITY",
            "KEYWORD_PATENT_INFRINGEMENT",
            "KEYWORD_PHISHING",
            "KEYWORD_PROHIBITED_PRODUCTS",
            "KEYWORD_PYRAMID_SCHEMES",
            "KEYWORD_RIGHT_TO_BE_FORGOTTEN",
            "KEYWORD_RISK_ENVIRONMENTAL_DAMAGE",
            "KEYWORD_RISK_PUBLIC_HEALTH",
            "KEYWORD_SELF_MUTILATION",
            "KEYWORD_STALKING",
            "KEYWORD_SUICIDE",
            "KEYWORD_TERRORIST_CONTENT",
            "KEYWORD_TRADE_SECRET_INFRINGEMENT",
            "KEYWORD_TRADEMARK_INFRINGEMENT",
            "KEYWORD_TRAFFICKING_WOMEN_GIRLS",
            "KEYWORD_UNLAWFUL_SALE_ANIMALS",
            "KEYWORD_UNSAFE_CHALLENGES",
            "KEYWORD_UNSAFE_PRODUCTS",
            "KEYWORD_VIOLATION_EU_LAW",
            "KEYWORD_VIOLATION_NATIONAL_LAW",
            "KEYWORD_OTHER");

    /** Statement::SOURCE_TYPES, app/Models/Statement.php line 56 (the keys). */
    public static final Set<String> SOURCE_TYPES = ordered(
            "SOURCE_ARTICLE_16",
            "SOURCE_TRUSTED_FLAGGER",
            "SOURCE_TYPE_OTHER_NOTIFICATION",
            "SOURCE_VOLUNTARY");

    /** Statement::AUTOMATED_DETECTIONS, app/Models/Statement.php line 98 (the values). */
    public static final Set<String> AUTOMATED_DETECTIONS = ordered(
            "Yes",
            "No");

    /** Statement::AUTOMATED_DECISIONS, app/Models/Statement.php line 111 (the keys). */
    public static final Set<String> AUTOMATED_DECISIONS = ordered(
            "AUTOMATED_DECISION_FULLY",
            "AUTOMATED_DECISION_PARTIALLY",
            "AUTOMATED_DECISION_NOT_AUTOMATED");

    /**
     * EuropeanCountriesService::EUROPEAN_COUNTRY_CODES (StatementStoreRequest.php line 70) is not among the gathered
     * sources; api-documentation.md (line 1171) and additional-explanation-for-statement-attributes.md (section 5)
     * say each value is the 2-letter ISO code of an EU or EEA country. These are the ISO 3166-1 alpha-2 codes of the
     * 27 EU member states and the three EEA EFTA states (Greece is GR, as in cypress/fixtures/example_statement.json).
     */
    public static final Set<String> EUROPEAN_UNION_COUNTRY_CODES = ordered(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");
    public static final Set<String> EUROPEAN_ECONOMIC_AREA_COUNTRY_CODES = union(EUROPEAN_UNION_COUNTRY_CODES, ordered("IS", "LI", "NO"));
    public static final Set<String> EUROPEAN_COUNTRY_CODES = EUROPEAN_ECONOMIC_AREA_COUNTRY_CODES;

    /**
     * EuropeanLanguagesService::ALL_LANGUAGES (StatementStoreRequest.php line 72) is not among the gathered sources;
     * api-documentation.md (line 1195) says the value is one of the upper-case two-letter ISO 639-1 codes. The ISO
     * 639-1 codes are the JDK's {@link Locale#getISOLanguages()}, upper-cased.
     */
    public static final Set<String> LANGUAGE_CODES = isoLanguages();

    /** StatementStoreRequest.php lines 36-40 and 61-65: the "other" fields required when the list holds OTHER. */
    public static final String DECISION_VISIBILITY_OTHER = "DECISION_VISIBILITY_OTHER";
    public static final String DECISION_MONETARY_OTHER = "DECISION_MONETARY_OTHER";
    public static final String CONTENT_TYPE_OTHER = "CONTENT_TYPE_OTHER";
    public static final String SOURCE_VOLUNTARY = "SOURCE_VOLUNTARY";
    public static final String DECISION_GROUND_ILLEGAL_CONTENT = "DECISION_GROUND_ILLEGAL_CONTENT";
    public static final String DECISION_GROUND_INCOMPATIBLE_CONTENT = "DECISION_GROUND_INCOMPATIBLE_CONTENT";

    /** 'max:500' of the *_other fields, the grounds, decision_ground_reference_url, source_identity and puid. */
    public static final int MAX_SHORT_TEXT = 500;
    /** 'max:2000' of illegal_content_explanation and incompatible_content_explanation (lines 54, 56). */
    public static final int MAX_EXPLANATION = 2000;
    /** 'max:5000' of decision_facts (line 81). */
    public static final int MAX_DECISION_FACTS = 5000;

    /** 'regex:/^[a-zA-Z0-9-_]+$/D' of puid (line 89). */
    public static final Pattern PUID = Pattern.compile("^[a-zA-Z0-9_-]+$");

    /** 'after_or_equal:2000-01-01' of content_date (line 74). */
    public static final LocalDate EARLIEST_CONTENT_DATE = LocalDate.of(2000, 1, 1);
    /** 'after_or_equal:2020-01-01' of application_date (line 75). */
    public static final LocalDate EARLIEST_APPLICATION_DATE = LocalDate.of(2020, 1, 1);
    /** 'before_or_equal:2038-01-01' of every date (lines 74-79). */
    public static final LocalDate LATEST_DATE = LocalDate.of(2038, 1, 1);

    /** 'statements' => 'required|array|between:1,100' (StatementMultipleAPIController.php line 48; api-documentation.md line 235). */
    public static final int MAX_STATEMENTS_PER_BATCH = 100;
    /** AUTHENTICATED_API_REQUESTS_PER_SECOND (RouteServiceProvider.php line 16); a 429 answers more. */
    public static final int MAX_REQUESTS_PER_SECOND = 200;
    /** AUTHENTICATED_API_REQUESTS_PER_MINUTE (RouteServiceProvider.php line 18). */
    public static final int MAX_REQUESTS_PER_MINUTE = 12000;

    private static Set<String> ordered(String... values) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        LinkedHashSet<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Collections.unmodifiableSet(all);
    }

    private static Set<String> isoLanguages() {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String code : Locale.getISOLanguages()) {
            codes.add(code.toUpperCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(codes);
    }
}
