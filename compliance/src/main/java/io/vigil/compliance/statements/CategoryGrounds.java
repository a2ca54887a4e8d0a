package io.vigil.compliance.statements;

import java.util.List;

/**
 * What the platform relies on when it acts on one kind of content: the ground (illegal content, with the law, or
 * incompatible with the terms, with the clause), the Transparency Database's category and keywords, and the facts in
 * standard words (the database asks for standard language for similar cases and no personal data). Configuration:
 * the platform's counsel writes these, Vigil only checks them against the database's rules at start.
 *
 * @param decisionGround   DECISION_GROUND_ILLEGAL_CONTENT or DECISION_GROUND_INCOMPATIBLE_CONTENT
 * @param legalGround      the law relied on (illegal content)
 * @param termsGround      the clause of the terms relied on (incompatible content)
 * @param alsoIllegal      "Yes", "No" or empty: incompatible content that is also considered illegal
 * @param referenceUrl     link to the law or the terms, or empty
 * @param category         one STATEMENT_CATEGORY_*
 * @param specifications   KEYWORD_* values, possibly none
 * @param facts            the facts and circumstances, in the platform's standard words
 */
public record CategoryGrounds(
        String decisionGround,
        String legalGround,
        String legalExplanation,
        String termsGround,
        String termsExplanation,
        String alsoIllegal,
        String referenceUrl,
        String category,
        List<String> categoryAddition,
        List<String> specifications,
        String specificationOther,
        String facts) {

    public CategoryGrounds {
        categoryAddition = categoryAddition == null ? List.of() : List.copyOf(categoryAddition);
        specifications = specifications == null ? List.of() : List.copyOf(specifications);
    }

    public boolean illegalContent() {
        return TransparencyDatabaseRules.DECISION_GROUND_ILLEGAL_CONTENT.equals(decisionGround);
    }
}
