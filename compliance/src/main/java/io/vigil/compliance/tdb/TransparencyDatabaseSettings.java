package io.vigil.compliance.tdb;

import io.vigil.compliance.statements.TransparencyDatabaseRules;
import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.Validatable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where and how fast statements go to the EU Transparency Database. The limits may only be lower than the API's own
 * ({@link TransparencyDatabaseRules}): the database answers more with 429.
 *
 * @param endpoint  the API's base URL, up to and including the version (…/api/v1)
 * @param tokenFile the bearer token the database's profile page generated, alone in a file
 * @param lingerMs  how long a partial batch waits for more statements before it is sent
 */
public record TransparencyDatabaseSettings(boolean enabled, String endpoint, String tokenFile, int batchSize,
                                           int maxRequestsPerSecond, int maxRequestsPerMinute, int lingerMs,
                                           int requestTimeoutSeconds, int maxBackoffSeconds) implements Validatable {

    @Override
    public List<String> problems() {
        Checks checks = new Checks()
                .require(batchSize >= 1 && batchSize <= TransparencyDatabaseRules.MAX_STATEMENTS_PER_BATCH, "batch-size",
                        "must be 1-" + TransparencyDatabaseRules.MAX_STATEMENTS_PER_BATCH + " (the API's limit per call), got " + batchSize)
                .require(maxRequestsPerSecond >= 1 && maxRequestsPerSecond <= TransparencyDatabaseRules.MAX_REQUESTS_PER_SECOND,
                        "max-requests-per-second", "must be 1-" + TransparencyDatabaseRules.MAX_REQUESTS_PER_SECOND + ", got " + maxRequestsPerSecond)
                .require(maxRequestsPerMinute >= 1 && maxRequestsPerMinute <= TransparencyDatabaseRules.MAX_REQUESTS_PER_MINUTE,
                        "max-requests-per-minute", "must be 1-" + TransparencyDatabaseRules.MAX_REQUESTS_PER_MINUTE + ", got " + maxRequestsPerMinute)
                .require(lingerMs >= 0, "linger-ms", "must not be negative")
                .positive(requestTimeoutSeconds, "request-timeout-seconds")
                .positive(maxBackoffSeconds, "max-backoff-seconds");
        if (enabled) {
            checks.require(isHttpUrl(endpoint), "endpoint", "must be the API's http(s) base URL when enabled");
            checks.require(readableNonEmpty(tokenFile), "token-file", "must be a readable file holding the API token when enabled");
        }
        return checks.problems();
    }

    /** The token, read when the submitter starts (and again after a 401, in case it was rotated). */
    public String token() {
        try {
            return Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Transparency Database token file", e);
        }
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    static boolean readableNonEmpty(String file) {
        try {
            return file != null && !file.isBlank() && Files.isReadable(Path.of(file))
                    && !Files.readString(Path.of(file), StandardCharsets.UTF_8).isBlank();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
