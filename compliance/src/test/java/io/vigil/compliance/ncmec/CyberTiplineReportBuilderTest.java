package io.vigil.compliance.ncmec;

import io.vigil.compliance.Fixtures;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NcmecFile;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.NcmecReportStatus;
import io.vigil.schemas.QueueItem;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.vigil.compliance.Fixtures.decision;
import static io.vigil.compliance.Fixtures.photoItem;
import static org.assertj.core.api.Assertions.assertThat;

class CyberTiplineReportBuilderTest {

    private static final Instant NOW = Instant.parse("2026-03-03T09:00:00Z");
    private final CyberTiplineReportBuilder builder = new CyberTiplineReportBuilder(Fixtures.defaults().ncmec());
    private final CyberTiplineValidator validator = new CyberTiplineValidator(Optional.empty());

    private NcmecReport draft(Optional<QueueItem> item) {
        return builder.draft(decision("chat-1", "m1", ModerationAction.CONFIRMED_REMOVE_AND_BAN, ContentCategory.CSAM, "child-safety-1"), item, NOW);
    }

    @Test
    void aConfirmationInAKnownGroupDraftsAReportWithTheGroupContextOtherToolsLeaveEmpty() {
        NcmecReport report = draft(Optional.of(photoItem("chat-1", "m1")));
        Document xml = CyberTiplineXml.parse(report.getReportXml());

        assertThat(validator.validateReport(xml)).isEmpty();
        assertThat(report.getStatus()).isEqualTo(NcmecReportStatus.AWAITING_CONFIRMATION);
        assertThat(report.getDecidedBy()).isEqualTo("child-safety-1");
        assertThat(report.getConfirmedBy()).isNull();
        assertThat(text(xml, "incidentType")).isEqualTo("Child Pornography (possession, manufacture, and distribution)");
        assertThat(text(xml, "incidentDateTime")).isEqualTo("2026-03-02T21:15:00Z");
        assertThat(text(xml, "chatClient")).isEqualTo("Messaging platform");
        assertThat(text(xml, "chatRoomName")).isEqualTo("synthetic group chat-1");
        assertThat(text(xml, "chatImIncident/additionalInfo")).contains("Chat kind: supergroup; visibility: public; members: 41,000.");
        assertThat(text(xml, "reportingPerson/email")).isEqualTo("safety@platform.example");
        assertThat(text(xml, "espIdentifier")).isEqualTo("user-77");
        assertThat(text(xml, "groupIdentifier")).isEqualTo("chat-1 (synthetic group chat-1)");
        assertThat(text(xml, "report/additionalInfo"))
                .contains("File 1 (or a near-duplicate) was seen in 3 chats, 5 times, reaching 52,000 members; first seen 2026-02-26T21:15:00Z in chat chat-first")
                .contains("a second person confirmed this report before it was submitted");
    }

    @Test
    void theFilesAreReferencedWithTheirHashesWhetherAPersonViewedThemAndAYearsPreservation() {
        NcmecReport report = draft(Optional.of(photoItem("chat-1", "m1")));

        assertThat(report.getFiles()).singleElement().satisfies(file -> {
            assertThat(file.getBlobUri()).isEqualTo("file:///2026/m1.jpg");
            assertThat(file.getSha256()).isEqualTo(Fixtures.SHA256);
            assertThat(file.getMd5()).isEqualTo(Fixtures.MD5);
            assertThat(file.getPdq()).isEqualTo(Fixtures.PDQ);
            assertThat(file.getViewedByPerson()).isTrue();
            assertThat(file.getPubliclyAvailable()).isTrue();
        });
        assertThat(report.getPreservation().getPreserve()).isTrue();
        assertThat(report.getPreservation().getPreserveUntil()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThat(report.getReportXml()).doesNotContain("file:///");
    }

    @Test
    void fileDetailsCarryTheHashesAndLeaveOutWhatIsNotKnown() {
        NcmecFile file = draft(Optional.of(photoItem("chat-1", "m1"))).getFiles().get(0);
        Document details = CyberTiplineReportBuilder.fileDetails("4242", "file-9", file);

        assertThat(validator.validateFileDetails(details)).isEmpty();
        assertThat(text(details, "fileViewedByEsp")).isEqualTo("true");
        assertThat(CyberTiplineXml.write(details)).contains("<originalFileHash hashType=\"MD5\">" + Fixtures.MD5 + "</originalFileHash>")
                .contains("<originalFileHash hashType=\"SHA256\">" + Fixtures.SHA256 + "</originalFileHash>");

        file.setViewedByPerson(null);
        Document unknown = CyberTiplineReportBuilder.fileDetails("4242", "file-9", file);
        assertThat(validator.validateFileDetails(unknown)).isEmpty();
        assertThat(unknown.getElementsByTagName("fileViewedByEsp").getLength()).as("unknown is left out, not guessed").isZero();
    }

    @Test
    void withoutTheQueueItemTheReportStillHasEveryRequiredField() {
        NcmecReport report = draft(Optional.empty());
        Document xml = CyberTiplineXml.parse(report.getReportXml());

        assertThat(validator.validateReport(xml)).isEmpty();
        assertThat(text(xml, "incidentDateTime")).isEqualTo("2026-03-03T08:40:00Z");
        assertThat(xml.getElementsByTagName("chatRoomName").getLength()).isZero();
        assertThat(report.getFiles()).singleElement().satisfies(f -> assertThat(f.getBlobUri()).isNull());
    }

    @Test
    void aChatTitleWithControlCharactersStillGivesWellFormedXml() {
        QueueItem item = photoItem("chat-1", "m1");
        item.getGroup().setTitle("bad\u0000title\u0007 & <more>");

        Document xml = CyberTiplineXml.parse(draft(Optional.of(item)).getReportXml());

        assertThat(text(xml, "chatRoomName")).isEqualTo("badtitle & <more>");
    }

    @Test
    void theSameDecisionAlwaysDraftsTheSameReportId() {
        assertThat(draft(Optional.empty()).getReportId()).isEqualTo(draft(Optional.of(photoItem("chat-1", "m1"))).getReportId())
                .matches("ncmec-[0-9a-f]{32}");
    }

    @Test
    void theValidatorRefusesWhatTheDocumentedFieldsDoNotAllow() {
        Document xml = CyberTiplineXml.parse(draft(Optional.of(photoItem("chat-1", "m1"))).getReportXml());
        Element summary = (Element) xml.getElementsByTagName("incidentSummary").item(0);
        summary.getElementsByTagName("incidentType").item(0).setTextContent("Child Abuse");
        summary.getElementsByTagName("incidentDateTime").item(0).setTextContent("yesterday");
        Element email = (Element) xml.getElementsByTagName("email").item(0);
        email.getParentNode().removeChild(email);
        xml.getDocumentElement().appendChild(xml.createElement("severity"));
        xml.getDocumentElement().insertBefore(xml.createElement("incidentSummary"), xml.getDocumentElement().getLastChild());

        assertThat(validator.validateReport(xml)).contains(
                "/report/incidentSummary/incidentType: 'Child Abuse' is not one of " + CyberTiplineFields.INCIDENT_TYPES,
                "/report/incidentSummary/incidentDateTime: not an ISO 8601 date and time with offset",
                "/report/reporter/reportingPerson/email: required",
                "/report/severity: not a documented field of <report>",
                "/report/incidentSummary: at most once, found 2",
                "/report/incidentSummary: out of the documented order");
    }

    @Test
    void withNcmecsXsdConfiguredTheReportIsAlsoValidatedAgainstIt() throws Exception {
        CyberTiplineValidator withXsd = new CyberTiplineValidator(Optional.of(
                Path.of(getClass().getResource("/ncmec/minimal-report.xsd").toURI())));
        Document xml = CyberTiplineXml.parse(draft(Optional.of(photoItem("chat-1", "m1"))).getReportXml());

        assertThat(withXsd.validateReport(xml)).isEmpty();
        Element summary = (Element) xml.getElementsByTagName("incidentSummary").item(0);
        summary.removeChild(summary.getElementsByTagName("incidentType").item(0));
        assertThat(withXsd.validateReport(xml)).anyMatch(p -> p.startsWith("XSD: ")).contains("/report/incidentSummary/incidentType: required");
    }

    /** The text of the element at a path of tag names, e.g. reportingPerson/email. */
    private static String text(Document xml, String path) {
        String[] steps = path.split("/");
        var nodes = xml.getElementsByTagName(steps[steps.length - 1]);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (steps.length == 1 || ((Element) nodes.item(i).getParentNode()).getTagName().equals(steps[steps.length - 2])) {
                return nodes.item(i).getTextContent().strip();
            }
        }
        throw new AssertionError("no " + path);
    }
}
