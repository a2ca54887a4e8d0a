package io.vigil.enricher.evidence;

import io.vigil.schemas.ContentCategory;

/**
 * One thing the detector found in a message that a policy's evidence rule can weigh: a bank match, an image the
 * classifier scored, or the text's personal-data scan. Each knows the sentence a moderator reads when the rule that
 * weighs it gives no reason of its own.
 */
public sealed interface Finding permits BankMatchFinding, ImageFinding, TextFinding {

    /** The reason code when the rule names none. */
    String defaultCode();

    /** The category when the rule names none; null when the rule must name one. */
    ContentCategory defaultCategory();

    String defaultDescription();
}
