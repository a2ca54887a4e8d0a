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

    ComplianceConfig load() {
        return ConfigLoader.forService("compliance").strictEnvironment(false).file(config).load(ComplianceConfig.class);
    }
}
