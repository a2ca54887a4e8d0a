package io.vigil.standalone.commands.compliance;

import picocli.CommandLine.Command;

/** Exports of moderation records. */
@Command(name = "export", mixinStandardHelpOptions = true, subcommands = DecisionExportCommand.class,
        description = "Exports of moderation records, streamed from the topics.")
public final class ExportCommand {
}
