package io.vigil.compliance.ncmec;

import java.util.List;
import java.util.Optional;

/**
 * An answer of the CyberTipline Reporting API: its response code (0 success; the codes of utils/responseCode.ts and
 * Constants.ts ResponseCode in the transcribed types) and the ids it returns.
 */
public record NcmecAnswer(int httpStatus, int responseCode, String description, Optional<String> reportId,
                          Optional<String> fileId, List<String> fileIds) {

    public static final int SUCCESS = 0;
    /** ResponseCode.ReportAlreadyFinished: the report is already in the state a finish asks for. */
    public static final int REPORT_ALREADY_FINISHED = 5102;

    public boolean success() {
        return responseCode == SUCCESS;
    }

    /**
     * Whether the same request may succeed later: NCMEC's own failures (1xxx), and credentials or permissions
     * (2000, 3xxx), which the operator fixes without the report changing. Invalid requests (4xxx) and missing or
     * retracted reports (5xxx) will not.
     */
    public boolean retryable() {
        return responseCode < 4000 || httpStatus >= 500;
    }

    public String describe() {
        return "response code " + responseCode + (description.isBlank() ? "" : " (" + description + ")") + ", HTTP " + httpStatus;
    }
}
