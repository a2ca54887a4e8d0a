package io.vigil.standalone.commands.compliance;

import picocli.CommandLine.Command;

/** Reports the law asks of the platform. */
@Command(name = "report", mixinStandardHelpOptions = true, subcommands = TransparencyReportCommand.class,
        description = "Reports the law asks of the platform, computed from the topics.")
public final class ReportCommand {
}
