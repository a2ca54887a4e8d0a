package io.vigil.compliance.ncmec;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.vigil.compliance.ncmec.DocumentedField.Kind.BOOLEAN;
import static io.vigil.compliance.ncmec.DocumentedField.Kind.DATE;
import static io.vigil.compliance.ncmec.DocumentedField.Kind.DATE_TIME;
import static io.vigil.compliance.ncmec.DocumentedField.Kind.EMAIL;
import static io.vigil.compliance.ncmec.DocumentedField.Kind.FLAG;
import static io.vigil.compliance.ncmec.DocumentedField.Kind.INTEGER;
import static io.vigil.compliance.ncmec.DocumentedField.Kind.NUMBER;
import static io.vigil.compliance.ncmec.DocumentedField.Kind.TEXT;
import static io.vigil.compliance.ncmec.DocumentedField.Occurs.AT_LEAST_ONE;
import static io.vigil.compliance.ncmec.DocumentedField.Occurs.MANY;
import static io.vigil.compliance.ncmec.DocumentedField.Occurs.OPTIONAL;
import static io.vigil.compliance.ncmec.DocumentedField.Occurs.REQUIRED;
import static io.vigil.compliance.ncmec.DocumentedField.group;
import static io.vigil.compliance.ncmec.DocumentedField.leaf;
import static io.vigil.compliance.ncmec.DocumentedField.oneOf;
import static io.vigil.compliance.ncmec.DocumentedField.valued;

/**
 * The documented fields of NCMEC's CyberTipline report XML ({@code <report>}) and file details XML
 * ({@code <fileDetails>}). Source: the TypeScript types transcribed from NCMEC's CyberTipline Reporting API
 * documentation (report.cybertip.org/ispws/documentation) in github.com/Johannes-Andersen/Cybertipline-Tools at
 * ddec816 (MIT): src/types/transactions/Report.ts and SubmitFileDetails.ts, reportDetails/*, incidents/*, common/*,
 * fileDetails/* and Constants.ts. Element names, required-ness (a property without '?'), repetition (Array) and enum
 * values are theirs. Two things the types cannot say are Vigil's reading and are checked against NCMEC's XSD when one
 * is configured: a value object's main value (an email's address, a phone's number, a hash's value) is the element's
 * text and its other properties are attributes; elements follow the types' property order.
 */
public final class CyberTiplineFields {

    /** IncidentType, Constants.ts. */
    public static final String CHILD_PORNOGRAPHY = "Child Pornography (possession, manufacture, and distribution)";
    public static final Set<String> INCIDENT_TYPES = ordered(CHILD_PORNOGRAPHY, "Child Sex Trafficking", "Child Sex Tourism",
            "Child Sexual Molestation", "Misleading Domain Name", "Misleading Words or Digital Images on the Internet",
            "Online Enticement of Children for Sexual Act", "Unsolicited Obscene Material Sent to a Child");
    /** ReportAnnotation, Constants.ts. */
    public static final Set<String> REPORT_ANNOTATIONS = ordered("sextortion", "csamSolicitation", "minorToMinorInteraction", "spam");
    /** FileAnnotations, Constants.ts. */
    public static final Set<String> FILE_ANNOTATIONS = ordered("animeDrawingVirtualHentai", "potentialMeme", "viral",
            "possibleSelfProduction", "physicalHarm", "violenceGore", "bestiality", "liveStreaming", "infant", "generativeAi");
    /** FileRelevance, Constants.ts. */
    public static final String REPORTED = "Reported";
    public static final Set<String> FILE_RELEVANCES = ordered(REPORTED, "Supplemental Reported");
    /** IndustryClassification, Constants.ts. */
    public static final Set<String> INDUSTRY_CLASSIFICATIONS = ordered("A1", "A2", "B1", "B2");

    // common/*.ts
    private static DocumentedField phone(String name, DocumentedField.Occurs occurs) {
        return valued(name, occurs, TEXT, "type", "verified", "verificationDate", "countryCallingCode", "extension");
    }

    private static DocumentedField email(String name, DocumentedField.Occurs occurs) {
        return valued(name, occurs, EMAIL, "type", "verified", "verificationDate");
    }

    private static DocumentedField address(String name) {
        return group(name, MANY, leaf("address", OPTIONAL, TEXT), leaf("city", OPTIONAL, TEXT), leaf("zipCode", OPTIONAL, TEXT),
                leaf("state", OPTIONAL, TEXT), leaf("nonUsaState", OPTIONAL, TEXT), leaf("country", OPTIONAL, TEXT)).withAttributes("type");
    }

    private static DocumentedField person(String name, DocumentedField.Occurs occurs, boolean emailRequired, boolean contactOnly) {
        List<DocumentedField> fields = new java.util.ArrayList<>(List.of(leaf("firstName", OPTIONAL, TEXT), leaf("lastName", OPTIONAL, TEXT),
                phone("phone", MANY), email("email", emailRequired ? AT_LEAST_ONE : MANY), address("address")));
        if (!contactOnly) {
            fields.add(leaf("age", OPTIONAL, INTEGER));
            fields.add(leaf("dateOfBirth", OPTIONAL, DATE));
        }
        return group(name, occurs, fields.toArray(DocumentedField[]::new));
    }

    private static DocumentedField ipCapture(DocumentedField.Occurs occurs) {
        return group("ipCaptureEvent", occurs, leaf("ipAddress", REQUIRED, TEXT),
                oneOf("eventName", OPTIONAL, ordered("Login", "Registration", "Purchase", "Upload", "Other", "Unknown")),
                leaf("dateTime", OPTIONAL, DATE_TIME), leaf("possibleProxy", OPTIONAL, BOOLEAN), leaf("port", OPTIONAL, INTEGER));
    }

    private static DocumentedField deviceId() {
        return group("deviceId", MANY, leaf("idType", REQUIRED, TEXT), leaf("idValue", REQUIRED, TEXT),
                oneOf("eventName", OPTIONAL, ordered("Login", "Registration", "Purchase", "Upload", "Other", "Unknown")),
                leaf("dateTime", OPTIONAL, DATE_TIME));
    }

    private static DocumentedField estimatedLocation() {
        return group("estimatedLocation", OPTIONAL, leaf("city", OPTIONAL, TEXT), leaf("region", OPTIONAL, TEXT),
                leaf("countryCode", OPTIONAL, TEXT), leaf("verified", OPTIONAL, BOOLEAN), leaf("timestamp", OPTIONAL, DATE_TIME));
    }

    private static DocumentedField accountDisabled(String name, boolean reenabled) {
        // boolean | {disabledDate, reenabledDate?}: either the flag as text or the dates as children.
        return reenabled
                ? group(name, OPTIONAL, leaf("disabledDate", OPTIONAL, DATE_TIME), leaf("reenabledDate", OPTIONAL, DATE_TIME))
                : group(name, OPTIONAL, leaf("disabledDate", OPTIONAL, DATE_TIME));
    }

    /** Report.ts and its parts, in their property order. */
    public static final DocumentedField REPORT = group("report", REQUIRED,
            group("incidentSummary", REQUIRED,
                    oneOf("incidentType", REQUIRED, INCIDENT_TYPES),
                    leaf("escalateToHighPriority", OPTIONAL, TEXT),
                    group("reportAnnotations", OPTIONAL, REPORT_ANNOTATIONS.stream().map(a -> leaf(a, OPTIONAL, FLAG)).toArray(DocumentedField[]::new)),
                    leaf("incidentDateTime", REQUIRED, DATE_TIME),
                    leaf("incidentDateTimeDescription", OPTIONAL, TEXT)),
            group("internetDetails", MANY,
                    group("webPageIncident", OPTIONAL, leaf("url", MANY, TEXT), leaf("additionalInfo", OPTIONAL, TEXT),
                            leaf("thirdPartyHostedContent", OPTIONAL, BOOLEAN)),
                    group("emailIncident", OPTIONAL, email("emailAddress", MANY), leaf("content", OPTIONAL, TEXT), leaf("additionalInfo", OPTIONAL, TEXT)),
                    group("newsgroupIncident", OPTIONAL, leaf("name", OPTIONAL, TEXT), email("emailAddress", MANY),
                            leaf("content", OPTIONAL, TEXT), leaf("additionalInfo", OPTIONAL, TEXT)),
                    group("chatImIncident", OPTIONAL, leaf("chatClient", OPTIONAL, TEXT), leaf("chatRoomName", OPTIONAL, TEXT),
                            leaf("content", OPTIONAL, TEXT), leaf("additionalInfo", OPTIONAL, TEXT)),
                    group("onlineGamingIncident", OPTIONAL, leaf("gameName", OPTIONAL, TEXT), leaf("console", OPTIONAL, TEXT),
                            leaf("content", OPTIONAL, TEXT), leaf("additionalInfo", OPTIONAL, TEXT)),
                    group("cellPhoneIncident", OPTIONAL, phone("phoneNumber", OPTIONAL), leaf("latitude", OPTIONAL, NUMBER),
                            leaf("longitude", OPTIONAL, NUMBER), leaf("additionalInfo", OPTIONAL, TEXT)),
                    group("nonInternetIncident", OPTIONAL, leaf("locationName", OPTIONAL, TEXT), address("incidentAddress"),
                            leaf("additionalInfo", OPTIONAL, TEXT)),
                    group("peer2peerIncident", OPTIONAL, leaf("client", OPTIONAL, TEXT), ipCapture(MANY), leaf("fileNames", OPTIONAL, TEXT),
                            leaf("additionalInfo", OPTIONAL, TEXT))),
            group("lawEnforcement", OPTIONAL, leaf("agencyName", REQUIRED, TEXT), leaf("caseNumber", OPTIONAL, TEXT),
                    person("officerContact", OPTIONAL, false, true), leaf("reportedToLe", OPTIONAL, BOOLEAN),
                    leaf("servedLegalProcessDomestic", OPTIONAL, BOOLEAN),
                    group("servedLegalProcessInternational", OPTIONAL, leaf("fleaCountry", OPTIONAL, TEXT))),
            group("reporter", REQUIRED, person("reportingPerson", REQUIRED, true, false), person("contactPerson", OPTIONAL, false, true),
                    leaf("companyTemplate", OPTIONAL, TEXT), leaf("termsOfService", OPTIONAL, TEXT), leaf("legalUrl", OPTIONAL, TEXT)),
            group("personOrUserReported", OPTIONAL, person("personOrUserReportedPerson", OPTIONAL, false, false),
                    leaf("vehicleDescription", OPTIONAL, TEXT), leaf("espIdentifier", OPTIONAL, TEXT), leaf("espService", OPTIONAL, TEXT),
                    leaf("screenName", OPTIONAL, TEXT), leaf("displayName", MANY, TEXT), leaf("profileUrl", MANY, TEXT), ipCapture(MANY),
                    deviceId(), leaf("thirdPartyUserReported", OPTIONAL, BOOLEAN), leaf("priorCTReports", MANY, INTEGER),
                    leaf("groupIdentifier", REQUIRED, TEXT), estimatedLocation(), leaf("additionalInfo", OPTIONAL, TEXT)),
            group("intendedRecipient", MANY, person("intendedRecipientPerson", OPTIONAL, false, false), leaf("espIdentifier", OPTIONAL, TEXT),
                    leaf("espService", OPTIONAL, TEXT), leaf("screenName", OPTIONAL, TEXT), leaf("displayName", MANY, TEXT),
                    leaf("profileUrl", MANY, TEXT), ipCapture(MANY), deviceId(), leaf("priorCTReports", MANY, INTEGER),
                    leaf("groupIdentifier", OPTIONAL, TEXT), accountDisabled("accountTemporarilyDisabled", true),
                    accountDisabled("accountPermanentlyDisabled", false), estimatedLocation(), leaf("additionalInfo", OPTIONAL, TEXT)),
            group("victim", MANY, person("victimPerson", REQUIRED, false, false), leaf("espIdentifier", OPTIONAL, TEXT),
                    leaf("espService", OPTIONAL, TEXT), leaf("screenName", OPTIONAL, TEXT), leaf("displayName", MANY, TEXT),
                    leaf("profileUrl", MANY, TEXT), ipCapture(MANY), deviceId(), leaf("schoolName", OPTIONAL, TEXT),
                    leaf("priorCTReports", MANY, INTEGER), estimatedLocation(), leaf("additionalInfo", OPTIONAL, TEXT)),
            leaf("additionalInfo", OPTIONAL, TEXT));

    /** SubmitFileDetails.ts and fileDetails/OriginalFileHash.ts. */
    public static final DocumentedField FILE_DETAILS = group("fileDetails", REQUIRED,
            leaf("reportId", REQUIRED, INTEGER),
            leaf("fileId", REQUIRED, TEXT),
            leaf("fileName", OPTIONAL, TEXT),
            leaf("originalFileName", OPTIONAL, TEXT),
            leaf("locationOfFile", OPTIONAL, TEXT),
            leaf("fileViewedByEsp", OPTIONAL, BOOLEAN),
            leaf("exifViewedByEsp", OPTIONAL, BOOLEAN),
            leaf("publiclyAvailable", OPTIONAL, BOOLEAN),
            oneOf("fileRelevance", OPTIONAL, FILE_RELEVANCES),
            group("fileAnnotations", OPTIONAL, FILE_ANNOTATIONS.stream().map(a -> leaf(a, OPTIONAL, FLAG)).toArray(DocumentedField[]::new)),
            oneOf("industryClassification", OPTIONAL, INDUSTRY_CLASSIFICATIONS),
            valued("originalFileHash", MANY, TEXT, "hashType"),
            ipCapture(OPTIONAL),
            deviceId(),
            group("details", MANY, leaf("name", REQUIRED, TEXT), leaf("value", REQUIRED, TEXT), oneOf("type", OPTIONAL, ordered("EXIF", "HASH"))),
            leaf("additionalInfo", MANY, TEXT));

    private CyberTiplineFields() {
    }

    private static Set<String> ordered(String... values) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(values)));
    }
}
