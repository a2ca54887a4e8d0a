package io.vigil.standalone.commands.compliance;

import io.vigil.compliance.ComplianceConfig;
import io.vigil.runtime.config.ConfigLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The compliance service's configuration for a command: its defaults, then a file, then VIGIL_* variables. */
final class ComplianceOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The compliance service's YAML configuration (the platform's grounds per category), if not the defaults.")
    Path config;

    /**
     * The configuration for its statement policy. A command serves no HTTP and never uses the service's identity
     * provider or peer secret (which every deployment must set), so they are replaced by inert values here.
     */
    ComplianceConfig load() {
        return ConfigLoader.forService("compliance").strictEnvironment(false)
                .override("auth.oidc.issuer", "http://127.0.0.1:1/not-used-by-commands")
                .override("auth.peer-secret", "not-used-by-commands-0123456789abcdef")
                .file(config).load(ComplianceConfig.class);
    }
}
