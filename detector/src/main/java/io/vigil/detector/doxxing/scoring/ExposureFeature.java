package io.vigil.detector.doxxing.scoring;

/**
 * The named features of the exposure score besides the bias and the kinds of data, in the order of the weight
 * vector; each has a weight under its YAML key in {@code weights:} ({@code doxxing/detector.yaml}).
 */
public enum ExposureFeature {
    /** For each entity beyond the first, up to {@code maxAdditional}. */
    ADDITIONAL_ENTITY("additionalEntity"),
    /** Language about someone else's data or whereabouts ("her number", "vive en"). */
    TARGETING("targeting"),
    /** Calls to contact or harass ("write to her", "escribidle"). */
    INCITEMENT("incitement"),
    /** Relatives' or partner's data ("her mother", "su padre"). */
    RELATIVES("relatives"),
    /** Insults typical of exposure posts. */
    DEROGATORY("derogatory"),
    /** Words pointing at a third person ("her", "ella", "她"). */
    THIRD_PERSON("thirdPerson"),
    /** The message follows an image from the same sender in the same chat within the window. */
    FOLLOWS_IMAGE("followsImage"),
    /** Several people's data in one message (a numbered or line-per-person list). */
    LIST("list"),
    /** First-person words ("me", "mi", "я"). */
    FIRST_PERSON("firstPerson"),
    /** The writer shares their own contact ("call me", "mi número"). */
    SELF_CONTACT("selfContact"),
    /** Shop, service and ad vocabulary. */
    BUSINESS("business"),
    /** Public bodies, helplines, emergency services. */
    INSTITUTION("institution"),
    /** News and announcements. */
    NEWS("news"),
    /** A price or amount of money ("45€", "KSh 1,500"). */
    PRICE("price"),
    /** A name, school, workplace or place tied to a third person (an image, insults, targeting, third-person words). */
    QUASI_IDENTIFIER_TIED("quasiIdentifierTied"),
    /** The same sender's previous message pointed at a third person: data split over two messages. */
    PREVIOUS_MESSAGE("previousMessage"),
    /** Public figures' offices, public events and places announcing themselves. */
    PUBLIC_ENTITY("publicEntity"),
    /** The message's only personal data is one quasi-identifier (a guess at a name or a school). */
    SINGLE_QUASI_IDENTIFIER("singleQuasiIdentifier"),
    /**
     * Whose data it is, read next to the data: the cue nearest to some contact or location datum (within its clause)
     * points at a third person ("her number: …", "… is hers", "casa de sus padres: …").
     */
    DATA_OF_THIRD_PERSON("dataOfThirdPerson"),
    /** The cue nearest to every datum is the writer's ("my number …", "call me on …", "i live at …"). */
    DATA_OF_WRITER("dataOfWriter"),
    /** The cue nearest to every datum is an organisation's (a shop, an office, an event, the news). */
    DATA_OF_ORGANISATION("dataOfOrganisation"),
    /** The same sender's previous message was about themselves, a business or an office (a seller, a shop). */
    PREVIOUS_NOT_ABOUT_SOMEONE("previousNotAboutSomeone");

    private final String yamlKey;

    ExposureFeature(String yamlKey) {
        this.yamlKey = yamlKey;
    }

    public String yamlKey() {
        return yamlKey;
    }
}
