package io.vigil.compliance.statements;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.Validatable;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.EnforcementType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the platform's enforcement actions become statements of reasons: its territorial scope, grounds per Vigil
 * content category ({@code default} for the rest), restrictions per enforcement type, and the words for content
 * Vigil cannot type. Checked at start twice: each value against the database's lists here, and every combination of
 * category and restriction drafted and validated as a whole statement (ComplianceConfig).
 *
 * @param territorialScope ISO codes of EU/EEA countries, or EU or EEA for all of them
 * @param accountType      ACCOUNT_TYPE_PRIVATE, ACCOUNT_TYPE_BUSINESS or empty (not stated)
 * @param contentLanguage  upper-case ISO 639-1 code or empty (not stated)
 * @param otherContentType words for CONTENT_TYPE_OTHER (documents, files of unknown kind)
 * @param reversalFacts    the facts of a statement that withdraws an earlier one after a successful appeal
 */
public record StatementPolicy(
        List<String> territorialScope,
        String accountType,
        String contentLanguage,
        String otherContentType,
        String reversalFacts,
        Map<String, CategoryGrounds> categories,
        Map<String, Restriction> restrictions) implements Validatable {

    public static final String DEFAULT_CATEGORY = "default";
    /** The enforcement types that restrict; NO_ACTION and RESTORE restrict nothing and have no restriction entry. */
    public static final Set<EnforcementType> RESTRICTING = Set.of(
            EnforcementType.REMOVE_MESSAGE, EnforcementType.REMOVE_MESSAGE_AND_BAN_SENDER, EnforcementType.RESTRICT_CHAT);

    public StatementPolicy {
        territorialScope = territorialScope == null ? List.of() : List.copyOf(territorialScope);
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        restrictions = restrictions == null ? Map.of() : Map.copyOf(restrictions);
    }

    /** The scope with EU and EEA expanded to their countries. */
    public List<String> countries() {
        List<String> countries = new ArrayList<>();
        for (String code : territorialScope) {
            switch (code.toUpperCase(Locale.ROOT)) {
                case "EU" -> countries.addAll(TransparencyDatabaseRules.EUROPEAN_UNION_COUNTRY_CODES);
                case "EEA" -> countries.addAll(TransparencyDatabaseRules.EUROPEAN_ECONOMIC_AREA_COUNTRY_CODES);
                default -> countries.add(code.toUpperCase(Locale.ROOT));
            }
        }
        return countries.stream().distinct().toList();
    }

    public CategoryGrounds grounds(ContentCategory category) {
        CategoryGrounds grounds = category == null ? null : categories.get(category.name());
        return grounds != null ? grounds : categories.get(DEFAULT_CATEGORY);
    }

    public Restriction restriction(EnforcementType type) {
        return restrictions.get(type.name());
    }

    @Override
    public List<String> problems() {
        Checks checks = new Checks();
        checks.require(!territorialScope.isEmpty(), "territorial-scope", "must name at least one EU/EEA country (or EU, EEA)");
        for (String country : countries()) {
            checks.require(TransparencyDatabaseRules.EUROPEAN_COUNTRY_CODES.contains(country), "territorial-scope",
                    country + " is not an EU/EEA country code");
        }
        checks.require(blank(accountType) || TransparencyDatabaseRules.ACCOUNT_TYPES.contains(accountType), "account-type",
                "must be empty or one of " + TransparencyDatabaseRules.ACCOUNT_TYPES);
        checks.require(blank(contentLanguage) || TransparencyDatabaseRules.LANGUAGE_CODES.contains(contentLanguage), "content-language",
                "must be empty or an upper-case ISO 639-1 code");
        checks.notBlank(otherContentType, "other-content-type");
        checks.notBlank(reversalFacts, "reversal-facts");
        checks.require(categories.containsKey(DEFAULT_CATEGORY), "categories", "must have a '" + DEFAULT_CATEGORY + "' entry");
        for (String key : categories.keySet()) {
            checks.require(key.equals(DEFAULT_CATEGORY) || isContentCategory(key), "categories." + key,
                    "is not a Vigil content category (" + List.of(ContentCategory.values()) + ") nor " + DEFAULT_CATEGORY);
        }
        for (EnforcementType type : RESTRICTING) {
            checks.require(restrictions.containsKey(type.name()), "restrictions", "must have an entry for " + type);
        }
        for (String key : restrictions.keySet()) {
            checks.require(RESTRICTING.stream().anyMatch(t -> t.name().equals(key)), "restrictions." + key,
                    "is not a restricting enforcement type " + RESTRICTING);
        }
        return checks.problems();
    }

    private static boolean isContentCategory(String key) {
        for (ContentCategory category : ContentCategory.values()) {
            if (category.name().equals(key)) {
                return true;
            }
        }
        return false;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
