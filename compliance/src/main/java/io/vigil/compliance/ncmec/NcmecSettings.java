package io.vigil.compliance.ncmec;

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
 * The CyberTipline: who reports (the reporter section of every report), where reports go once a second person
 * confirmed them, and how long the reported content is preserved.
 *
 * @param endpoint         base URL of the Reporting API (NCMEC's test environment until NCMEC approves production)
 * @param passwordFile     the API password, alone in a file
 * @param xsdFile          NCMEC's XSD if downloaded from the API; reports are then validated against it as well
 * @param serviceName      the platform's service, as espService and chatClient
 * @param preservationDays how long the reported content and report are preserved (18 U.S.C. 2258A(h))
 */
public record NcmecSettings(boolean enabled, String endpoint, String username, String passwordFile, String xsdFile,
                            String serviceName, Reporter reporter, int preservationDays, int requestTimeoutSeconds,
                            int maxBackoffSeconds) implements Validatable {

    /** The reporting person (NCMEC requires an email address) and the company's standing texts. */
    public record Reporter(String firstName, String lastName, String email, String companyTemplate, String termsOfService,
                           String legalUrl) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().require(email != null && email.matches("[^@\\s]+@[^@\\s]+"), "email",
                    "must be the reporting person's email address (NCMEC requires it)").problems();
        }
    }

    @Override
    public List<String> problems() {
        Checks checks = new Checks().nested(reporter, "reporter").notBlank(serviceName, "service-name")
                .require(preservationDays >= 365, "preservation-days", "must be at least 365 (18 U.S.C. 2258A(h)), got " + preservationDays)
                .positive(requestTimeoutSeconds, "request-timeout-seconds").positive(maxBackoffSeconds, "max-backoff-seconds");
        if (xsdFile != null && !xsdFile.isBlank()) {
            checks.require(Files.isReadable(Path.of(xsdFile)), "xsd-file", "must be a readable XSD file (or empty)");
        }
        if (enabled) {
            checks.require(isHttpUrl(endpoint), "endpoint", "must be the Reporting API's http(s) base URL when enabled");
            checks.notBlank(username, "username");
            checks.require(passwordFile != null && !passwordFile.isBlank() && Files.isReadable(Path.of(passwordFile)),
                    "password-file", "must be a readable file holding the API password when enabled");
        }
        return checks.problems();
    }

    public String password() {
        try {
            return Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the NCMEC password file", e);
        }
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
