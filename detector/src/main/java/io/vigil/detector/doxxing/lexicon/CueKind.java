package io.vigil.detector.doxxing.lexicon;

/**
 * What a phrase in a language's cue file tells: either something about who the message is about (exposure cues,
 * used by the scorer) or a label that makes a nearby token more or less likely to be personal data (used by the
 * recognisers). The YAML key of each kind is its lower-camel name.
 */
public enum CueKind {
    /** Reference to someone else's data: "her number", "su número", "vive en". */
    TARGETING("targeting"),
    /** Calls to contact or harass the person: "write to her", "escribidle". */
    INCITEMENT("incitement"),
    /** Relatives or partners whose data is exposed alongside: "her mother", "su madre". */
    RELATIVE("relatives"),
    /** Insults and sexualised references typical of exposure posts: "esa guarra", "this slut". */
    DEROGATORY("derogatory"),
    /** Words that point at a third person without naming data: "her", "ella", "dela", "她". Weaker than targeting. */
    THIRD_PERSON("thirdPerson"),
    /** First-person words: "me", "mi", "я", "我". Weaker than self-contact. */
    FIRST_PERSON("firstPerson"),
    /** The writer shares their own contact: "call me", "mi número". */
    SELF_CONTACT("selfContact"),
    /** Shops, services and ads: "pedidos", "horario", "delivery". */
    BUSINESS("business"),
    /** Public bodies, helplines, emergency services. */
    INSTITUTION("institutions"),
    /** News and public announcements. */
    NEWS("news"),
    /** Words that announce a phone number: "tel", "móvil", "whatsapp". */
    PHONE_LABEL("phoneLabels"),
    /** Words that announce a number that is not a phone: order, invoice, tracking, reference. */
    NOT_PHONE_LABEL("notPhoneLabels"),
    /** Words that announce an identity document number: "DNI", "CPF", "ИНН". */
    ID_LABEL("idLabels"),
    /** Words that announce a date of birth: "born on", "nacida el". */
    DOB_LABEL("dobLabels"),
    /** Words that announce a vehicle plate: "matrícula", "targa". */
    PLATE_LABEL("plateLabels"),
    /** Spelled-out at-sign in obfuscated e-mail addresses: "at", "arroba". */
    EMAIL_AT("emailAt"),
    /** Spelled-out dot in obfuscated e-mail addresses: "dot", "punto". */
    EMAIL_DOT("emailDot"),
    /** Street types written before the street name: "calle", "via", "rua", "ул.". */
    STREET_BEFORE("streetBefore"),
    /** Street types written after the street name: "straße", "küçəsi", "路". */
    STREET_AFTER("streetAfter"),
    /** Flat, floor, door, building: "piso", "кв.", "室". */
    ADDRESS_UNIT("addressUnits"),
    /** Marks a house number: "nº", "дом", "No.". */
    HOUSE_NUMBER_MARK("houseNumberMarks"),
    /** Words that say where someone lives: "lives at", "vive en". Also targeting. */
    RESIDENCE("residence"),
    /** Number words, used to read phone numbers partly written in words. */
    NUMBER_WORD("numberWords"),
    /** Words that repeat the digit after them, with how many times: "double" 2, "triple" 3 ("double seven" is 77). */
    NUMBER_REPEAT("numberRepeats"),
    /** Month names, used to read dates of birth. */
    MONTH("months"),
    /** Words that announce a payment card number: "card", "tarjeta", "карта". */
    CARD_LABEL("cardLabels"),
    /** Words that introduce someone's name: "her name is", "se llama", "её зовут". */
    NAME_INTRO("nameIntros"),
    /** Words that introduce where someone studies: "studies at", "estudia en", "va al instituto". */
    SCHOOL_INTRO("schoolIntros"),
    /** Nouns that head the name of a place of study: "University", "Instituto", "Liceo", "大学". */
    SCHOOL_NOUN("schoolNouns"),
    /** Words that introduce where someone works: "works at", "trabaja en", "arbeitet bei". */
    WORK_INTRO("workIntros"),
    /** Words that introduce a neighbourhood or a place of someone's routine: "lives in", "every morning at", "su barrio". */
    PLACE_INTRO("placeIntros"),
    /**
     * Nouns that head the name of a place where someone can be found, other than a school: "gym", "club", "church",
     * "station", "клуб", "parque", "健身房". Read only in a message about a third person or her routine.
     */
    PLACE_NOUN("placeNouns"),
    /** Field labels of a profile posted as a list, before a colon: "name:", "nombre:", "имя:", "姓名：". */
    NAME_FIELD("nameFields"),
    /** Field labels of her place of study: "school:", "uni:", "cole:", "школа:", "学校：". */
    SCHOOL_FIELD("schoolFields"),
    /** Field labels of her workplace: "work:", "curro:", "lavoro:", "работа:", "工作：". */
    WORK_FIELD("workFields"),
    /** Field labels of where she lives or spends her time: "area:", "barrio:", "район:", "gym:". */
    PLACE_FIELD("placeFields"),
    /** Public figures and their offices: "the mayor", "minister", "press office", "constituency office". */
    PUBLIC_FIGURE("publicFigures"),
    /** Public events and places announcing themselves: "concert", "festival", "open day", "match". */
    EVENT("events"),
    /** Days of the week and everyday routines ("on Mondays", "cada dilluns", "по средам", "每天"). */
    ROUTINE("routines"),
    /**
     * Her class or year of study ("10 класс", "1º de bachillerato", "junior year", "高二"): like a routine, it narrows
     * a school of thousands down to the few dozen who share her classroom.
     */
    CLASS_YEAR("classYears"),
    /** Words that make a long number an order, tracking or transaction number even without a label right before it. */
    NOT_PHONE_CONTEXT("notPhoneContext");

    private final String yamlKey;

    CueKind(String yamlKey) {
        this.yamlKey = yamlKey;
    }

    public String yamlKey() {
        return yamlKey;
    }
}
