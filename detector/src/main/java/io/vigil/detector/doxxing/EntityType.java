package io.vigil.detector.doxxing;

import java.util.EnumSet;
import java.util.Set;

/**
 * Kinds of personal data the doxxing detector recognises in a message. The first group identifies a person on its
 * own (a phone, an ID); the quasi-identifiers (a name, a school, a workplace, a neighbourhood or routine place, an
 * organisation) identify her only together with each other or with an image, and the scorer weighs them so.
 */
public enum EntityType {
    PHONE,
    EMAIL,
    ADDRESS,
    SOCIAL_HANDLE,
    SOCIAL_URL,
    NATIONAL_ID,
    IBAN,
    GEO,
    PLATE,
    DOB,
    /** A payment card number (13-19 digits, Luhn-valid, a known issuer prefix): masked, never read as a phone. */
    PAYMENT_CARD,
    /** A person's full or partial name, when the message names someone ("her name is …", "se llama …"). */
    PERSON_NAME,
    /** A named place of study: a school, an institute, a university. */
    SCHOOL,
    /** A named place of work. */
    WORKPLACE,
    /** A named neighbourhood, or a place of someone's daily routine (her gym, her bus stop, her café). */
    PLACE,
    /** A named organisation that is neither her school nor her workplace (a club, a company, a body). */
    ORGANISATION;

    private static final Set<EntityType> QUASI = EnumSet.of(PERSON_NAME, SCHOOL, WORKPLACE, PLACE, ORGANISATION);

    /** Whether this kind identifies a person only together with other clues. */
    public boolean quasiIdentifier() {
        return QUASI.contains(this);
    }
}
