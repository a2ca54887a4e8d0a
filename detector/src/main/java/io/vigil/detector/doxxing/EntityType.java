package io.vigil.detector.doxxing;

/** Kinds of personal data the doxxing detector recognises in a message. */
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
    DOB
}
