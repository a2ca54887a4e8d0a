package io.vigil.compliance.intake;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.NoticeReporterType;
import io.vigil.schemas.NoticeResponseKind;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeIntakeTest {

    private static final Instant NOW = Instant.parse("2026-03-03T10:00:00Z");
    private final NoticeIntake intake = new NoticeIntake(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Notifier backend = new Notifier("platform-backend", false);
    private final Notifier flagger = new Notifier("flagger-hotline-eu", true);

    private static NoticeRequest request(String category, String reporterType, String email, String reference) {
        return new NoticeRequest("telegram", "-1001234", "42", category, reporterType,
                "These are intimate photos of me shared without my consent.", true, null, email, reference);
    }

    @Test
    void aUsersNoticeIsAcknowledgedWithAnIdAndTheTimeOfReceipt() throws Exception {
        NoticeIntake.Accepted accepted = intake.accept(request("ncii", null, null, "ticket-9"), backend);

        assertThat(accepted.notice().getNoticeId()).startsWith("notice-");
        assertThat(accepted.notice().getReceivedAt()).isEqualTo(NOW);
        assertThat(accepted.notice().getReporterType()).isEqualTo(NoticeReporterType.USER);
        assertThat(accepted.notice().getCategory()).isEqualTo(ContentCategory.NCII);
        assertThat(accepted.notice().getSubmittedBy()).isEqualTo("platform-backend");
        assertThat(accepted.receipt().getKind()).isEqualTo(NoticeResponseKind.RECEIVED);
        assertThat(accepted.receipt().getNoticeId()).isEqualTo(accepted.notice().getNoticeId());
        assertThat(accepted.receipt().getAt()).isEqualTo(NOW);
        assertThat(accepted.receipt().getReporterReference()).isEqualTo("ticket-9");
    }

    @Test
    void aTrustedFlaggersCredentialMakesItsNoticesTrustedFlaggerNoticesWhateverTheBodySays() throws Exception {
        assertThat(intake.accept(request("ncii", "user", null, null), flagger).notice().getReporterType())
                .isEqualTo(NoticeReporterType.TRUSTED_FLAGGER);
        assertThat(intake.accept(request(null, "authority", "office@authority.example", null), backend).notice().getReporterType())
                .isEqualTo(NoticeReporterType.AUTHORITY);
    }

    @Test
    void aNoticeNeedsAnExplanationGoodFaithAndAWayToReachItsNotifierExceptForCsam() throws Exception {
        NoticeRequest bare = new NoticeRequest("telegram", "-1001234", "42", "ncii", null, " ", false, null, null, null);

        assertThatThrownBy(() -> intake.accept(bare, backend)).isInstanceOfSatisfying(IntakeProblems.class, e ->
                assertThat(e.problems()).containsExactly(
                        "explanation: required (why the notifier considers the content illegal, Art. 16(2)(a))",
                        "goodFaith: must be true, the notifier's statement of bona fide belief (Art. 16(2)(d))",
                        "contactEmail: required, or reporterReference (Art. 16(2)(c); not for child sexual abuse material)"));
        assertThat(intake.accept(request("csam", null, null, null), backend).notice().getContactEmail())
                .as("Art. 16(2)(c): no contact needed for CSAM").isNull();
    }

    @Test
    void identifiersThatCouldForgeKeysOrLogLinesAreRefused() {
        NoticeRequest forged = new NoticeRequest("telegram", "-100:1\nINFO forged", "", "spam", "robot", "x", true, null, "not-an-email", null);

        assertThatThrownBy(() -> intake.accept(forged, backend)).isInstanceOfSatisfying(IntakeProblems.class, e ->
                assertThat(e.problems()).contains("chatId: 1-128 characters of A-Z a-z 0-9 _ . @ + -", "messageId: required",
                        "reporterType: user or authority (trusted flaggers post with their own credential)",
                        "contactEmail: not an email address")
                        .anyMatch(p -> p.startsWith("category: one of")));
    }
}
