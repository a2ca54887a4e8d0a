package io.vigil.compliance.tdb;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;

/** One answer of the Transparency Database's API: the HTTP status, the JSON body (if any), and Retry-After. */
public record ApiAnswer(int status, JsonNode body, Optional<Duration> retryAfter) {

    public boolean created() {
        return status == 201;
    }

    /** 422 Unprocessable Content: the API's validation answer (api-documentation.md, "Errors"). */
    public boolean unprocessable() {
        return status == 422;
    }

    /**
     * The database will answer the same later, or another day, without the statement changing: throttling (429),
     * its own errors (5xx), and the operator's (a token refused, no permission, a wrong endpoint).
     */
    public boolean retryable() {
        return status == 401 || status == 403 || status == 404 || status == 408 || status == 429 || status >= 500;
    }

    public String describe() {
        return "HTTP " + status + (body == null || body.isMissingNode() ? "" : " " + truncate(body.toString()));
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }
}
