package io.vigil.compliance.ncmec;

import io.vigil.runtime.blobs.BlobException;
import io.vigil.schemas.NcmecFile;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.NcmecReportStatus;
import org.w3c.dom.Document;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves a confirmed CyberTipline report one step through NCMEC's transactions and says what its state is after that
 * step: submitted (NCMEC's report id), each file uploaded, each file's details sent, finished. One step per state, each
 * state recorded before the next step, so that after a crash the report continues where it was rather than starting a
 * second report. Only CONFIRMED reports are ever sent: a second person's confirmation comes first. Permanent refusals
 * end in FAILED with NCMEC's reason; anything NCMEC may answer differently later is retried ({@link RetryLater}).
 */
public final class CyberTiplineSubmission {

    /** Where a reported file's bytes come from (the platform's preserved media). */
    public interface Media {
        byte[] bytes(NcmecFile file) throws BlobException;
    }

    /** Nothing changed; try the same step again later. */
    public static final class RetryLater extends Exception {
        private final transient Optional<Duration> retryAfter;

        RetryLater(String message, Throwable cause) {
            super(message, cause);
            this.retryAfter = Optional.empty();
        }

        public Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    private final CyberTiplineApi api;
    private final Media media;
    private final CyberTiplineValidator validator;
    private final Clock clock;

    public CyberTiplineSubmission(CyberTiplineApi api, Media media, CyberTiplineValidator validator, Clock clock) {
        this.api = api;
        this.media = media;
        this.validator = validator;
        this.clock = clock;
    }

    /** The state after the next step, or empty when this state needs no step (drafted, rejected, done, failed). */
    public Optional<NcmecReport> step(NcmecReport report) throws RetryLater, InterruptedException {
        return switch (report.getStatus()) {
            case CONFIRMED -> Optional.of(submit(report));
            case SUBMITTING -> Optional.of(continueSubmitting(report));
            default -> Optional.empty();
        };
    }

    private NcmecReport submit(NcmecReport report) throws RetryLater, InterruptedException {
        List<String> problems = validator.validateReport(CyberTiplineXml.parse(report.getReportXml()));
        if (!problems.isEmpty()) {
            return failed(report, "the report does not pass NCMEC's documented fields: " + String.join("; ", problems));
        }
        NcmecAnswer answer = call(() -> api.submit(report.getReportXml()), "submitting the report");
        if (!answer.success() || answer.reportId().isEmpty()) {
            return failed(report, "NCMEC refused the report: " + answer.describe());
        }
        return NcmecReport.newBuilder(report).setStatus(NcmecReportStatus.SUBMITTING).setNcmecReportId(answer.reportId().get())
                .setAttempts(report.getAttempts() + 1).setLastError(null).setUpdatedAt(clock.instant()).build();
    }

    private NcmecReport continueSubmitting(NcmecReport report) throws RetryLater, InterruptedException {
        String ncmecId = report.getNcmecReportId();
        List<NcmecFile> files = new ArrayList<>(report.getFiles());
        for (int i = 0; i < files.size(); i++) {
            NcmecFile file = files.get(i);
            if (file.getBlobUri() == null) {
                continue; // Known by its hashes only (in the report); there are no bytes to send.
            }
            if (file.getNcmecFileId() == null) {
                byte[] bytes;
                try {
                    bytes = media.bytes(file);
                } catch (BlobException e) {
                    return failed(report, "the preserved media " + file.getMediaId() + " cannot be read (" + e.code() + "): " + e.getMessage());
                }
                NcmecAnswer answer = call(() -> api.upload(ncmecId, file.getMediaId(), bytes), "uploading a file");
                if (!answer.success() || answer.fileId().isEmpty()) {
                    return failed(report, "NCMEC refused file " + file.getMediaId() + ": " + answer.describe());
                }
                files.set(i, NcmecFile.newBuilder(file).setNcmecFileId(answer.fileId().get()).build());
                return progress(report, files);
            }
            if (!file.getDetailsSubmitted()) {
                Document details = CyberTiplineReportBuilder.fileDetails(ncmecId, file.getNcmecFileId(), file);
                List<String> problems = validator.validateFileDetails(details);
                if (!problems.isEmpty()) {
                    return failed(report, "the details of file " + file.getMediaId() + " do not pass the documented fields: " + String.join("; ", problems));
                }
                NcmecAnswer answer = call(() -> api.fileInfo(details), "submitting file details");
                if (!answer.success()) {
                    return failed(report, "NCMEC refused the details of file " + file.getMediaId() + ": " + answer.describe());
                }
                files.set(i, NcmecFile.newBuilder(file).setDetailsSubmitted(true).build());
                return progress(report, files);
            }
        }
        NcmecAnswer answer = call(() -> api.finish(ncmecId), "finishing the report");
        if (!answer.success() && answer.responseCode() != NcmecAnswer.REPORT_ALREADY_FINISHED) {
            return failed(report, "NCMEC did not finish the report: " + answer.describe());
        }
        return NcmecReport.newBuilder(report).setStatus(NcmecReportStatus.SUBMITTED).setSubmittedAt(clock.instant())
                .setLastError(null).setUpdatedAt(clock.instant()).build();
    }

    private NcmecReport progress(NcmecReport report, List<NcmecFile> files) {
        return NcmecReport.newBuilder(report).setFiles(files).setLastError(null).setUpdatedAt(clock.instant()).build();
    }

    private NcmecReport failed(NcmecReport report, String reason) {
        return NcmecReport.newBuilder(report).setStatus(NcmecReportStatus.FAILED).setLastError(reason).setUpdatedAt(clock.instant()).build();
    }

    private interface Call {
        NcmecAnswer run() throws IOException, InterruptedException;
    }

    private static NcmecAnswer call(Call call, String what) throws RetryLater, InterruptedException {
        NcmecAnswer answer;
        try {
            answer = call.run();
        } catch (IOException e) {
            throw new RetryLater("NCMEC did not answer while " + what + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new RetryLater("NCMEC's answer while " + what + " was not its response XML: " + e.getMessage(), e);
        }
        if (!answer.success() && answer.retryable()) {
            throw new RetryLater("NCMEC answered " + answer.describe() + " while " + what, null);
        }
        return answer;
    }
}
