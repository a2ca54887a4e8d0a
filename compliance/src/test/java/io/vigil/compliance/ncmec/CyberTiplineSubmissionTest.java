package io.vigil.compliance.ncmec;

import io.vigil.compliance.Fixtures;
import io.vigil.runtime.blobs.BlobException;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.NcmecReportStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static io.vigil.compliance.Fixtures.decision;
import static io.vigil.compliance.Fixtures.photoItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CyberTipline submission, step by step, against a local server that answers like NCMEC's Reporting API. */
class CyberTiplineSubmissionTest {

    /** A benign stand-in for the preserved media: the test never handles real material. */
    private static final byte[] MEDIA = "synthetic test bytes, not an image".getBytes(StandardCharsets.UTF_8);
    private final CyberTiplineDouble ncmec = new CyberTiplineDouble("vigil-test", "secret");
    private final CyberTiplineValidator validator = new CyberTiplineValidator(Optional.empty());

    @AfterEach
    void stop() {
        ncmec.close();
    }

    private CyberTiplineSubmission submission(String password) {
        return new CyberTiplineSubmission(new NcmecClient(ncmec.endpoint(), "vigil-test", password, Duration.ofSeconds(10)),
                file -> MEDIA, validator, Clock.systemUTC());
    }

    private NcmecReport confirmed() {
        NcmecReport drafted = new CyberTiplineReportBuilder(Fixtures.defaults().ncmec()).draft(
                decision("chat-1", "m1", ModerationAction.CONFIRMED_REMOVE, ContentCategory.CSAM, "child-safety-1"),
                Optional.of(photoItem("chat-1", "m1")), Instant.parse("2026-03-03T09:00:00Z"));
        return NcmecReport.newBuilder(drafted).setStatus(NcmecReportStatus.CONFIRMED).setConfirmedBy("child-safety-2").build();
    }

    /** Runs steps until no step is left, as the delivery loop does through the topic. */
    private NcmecReport run(CyberTiplineSubmission submission, NcmecReport report) throws Exception {
        NcmecReport state = report;
        for (Optional<NcmecReport> next = submission.step(state); next.isPresent(); next = submission.step(state)) {
            state = next.get();
        }
        return state;
    }

    @Test
    void aConfirmedReportIsSubmittedItsFileUploadedAndDescribedThenFinished() throws Exception {
        NcmecReport done = run(submission("secret"), confirmed());

        assertThat(done.getStatus()).as(String.valueOf(done.getLastError())).isEqualTo(NcmecReportStatus.SUBMITTED);
        assertThat(done.getSubmittedAt()).isNotNull();
        assertThat(ncmec.calls()).containsExactly("submit", "upload", "fileinfo", "finish");
        CyberTiplineDouble.Report held = ncmec.reports().get(done.getNcmecReportId());
        assertThat(held.finished).isTrue();
        assertThat(held.xml).contains("<chatRoomName>synthetic group chat-1</chatRoomName>");
        assertThat(held.files.values()).singleElement().isEqualTo(MEDIA);
        assertThat(held.fileDetails.values()).singleElement().asString()
                .contains("<fileViewedByEsp>true</fileViewedByEsp>", "<publiclyAvailable>true</publiclyAvailable>",
                        "<originalFileHash hashType=\"SHA256\">" + Fixtures.SHA256 + "</originalFileHash>");
        assertThat(done.getFiles()).singleElement().satisfies(f -> {
            assertThat(f.getNcmecFileId()).isNotNull();
            assertThat(f.getDetailsSubmitted()).isTrue();
        });
    }

    @Test
    void eachStepIsRecordedSoThatAResumedReportContinuesInsteadOfStartingAgain() throws Exception {
        CyberTiplineSubmission submission = submission("secret");
        NcmecReport submitting = submission.step(confirmed()).orElseThrow();
        NcmecReport uploaded = submission.step(submitting).orElseThrow();

        // A restart resumes from the last recorded state: no second report, no second upload.
        NcmecReport done = run(submission("secret"), uploaded);

        assertThat(submitting.getStatus()).isEqualTo(NcmecReportStatus.SUBMITTING);
        assertThat(ncmec.reports()).hasSize(1);
        assertThat(ncmec.calls()).containsExactly("submit", "upload", "fileinfo", "finish");
        assertThat(done.getStatus()).as(String.valueOf(done.getLastError())).isEqualTo(NcmecReportStatus.SUBMITTED);
    }

    @Test
    void aFinishRepeatedAfterACrashCountsAsDone() throws Exception {
        CyberTiplineSubmission submission = submission("secret");
        NcmecReport beforeFinish = submission.step(submission.step(submission.step(confirmed()).orElseThrow()).orElseThrow()).orElseThrow();
        submission.step(beforeFinish);

        NcmecReport again = submission.step(beforeFinish).orElseThrow();

        assertThat(again.getStatus()).isEqualTo(NcmecReportStatus.SUBMITTED);
        assertThat(ncmec.calls()).endsWith("finish", "finish");
    }

    @Test
    void draftedRejectedAndFinishedReportsAreNeverSent() throws Exception {
        for (NcmecReportStatus status : new NcmecReportStatus[]{NcmecReportStatus.AWAITING_CONFIRMATION, NcmecReportStatus.REJECTED,
                NcmecReportStatus.SUBMITTED, NcmecReportStatus.FAILED}) {
            assertThat(submission("secret").step(NcmecReport.newBuilder(confirmed()).setStatus(status).build())).isEmpty();
        }
        assertThat(ncmec.calls()).isEmpty();
    }

    @Test
    void ncmecsOwnFailuresAndRefusedCredentialsAreRetriedNotFailed() {
        ncmec.failNext(500, 1000);
        assertThatThrownBy(() -> submission("secret").step(confirmed())).isInstanceOf(CyberTiplineSubmission.RetryLater.class)
                .hasMessageContaining("response code 1000");
        assertThatThrownBy(() -> submission("wrong").step(confirmed())).isInstanceOf(CyberTiplineSubmission.RetryLater.class)
                .hasMessageContaining("response code 2000");
        assertThat(ncmec.reports()).isEmpty();
    }

    @Test
    void aReportNcmecRefusesAsInvalidFailsWithNcmecsReason() throws Exception {
        ncmec.failNext(422, 4100);

        NcmecReport failed = submission("secret").step(confirmed()).orElseThrow();

        assertThat(failed.getStatus()).isEqualTo(NcmecReportStatus.FAILED);
        assertThat(failed.getLastError()).isEqualTo("NCMEC refused the report: response code 4100 (Scripted failure), HTTP 422");
    }

    @Test
    void preservedMediaThatCannotBeReadFailsTheReportForTheOperator() throws Exception {
        CyberTiplineSubmission noMedia = new CyberTiplineSubmission(new NcmecClient(ncmec.endpoint(), "vigil-test", "secret",
                Duration.ofSeconds(10)), file -> {
            throw new BlobException("blob_not_found", "no blob at that URI");
        }, validator, Clock.systemUTC());

        NcmecReport failed = run(noMedia, confirmed());

        assertThat(failed.getStatus()).isEqualTo(NcmecReportStatus.FAILED);
        assertThat(failed.getLastError()).contains("media-1 cannot be read (blob_not_found)");
        assertThat(failed.getNcmecReportId()).as("kept, so the operator can complete or retract it").isNotNull();
    }
}
