package io.vigil.standalone;

import io.vigil.standalone.commands.AuditCommand;
import io.vigil.standalone.commands.ClassifyCommand;
import io.vigil.standalone.commands.DemoCommand;
import io.vigil.standalone.commands.DoxxingEvalCommand;
import io.vigil.standalone.commands.HashCommand;
import io.vigil.standalone.commands.ScanTextCommand;
import io.vigil.standalone.commands.ServiceCommands;
import io.vigil.standalone.commands.TokenCommand;
import io.vigil.standalone.commands.TopicsCommand;
import io.vigil.standalone.commands.banks.BanksCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command line: the embedded demo, each service on its own, and the tools around them. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilCli.Version.class,
        description = "Real-time detection of non-consensual intimate images and doxxing on messaging platforms.",
        subcommands = {
                DemoCommand.class,
                ServiceCommands.Detector.class,
                ServiceCommands.Enricher.class,
                ServiceCommands.Sink.class,
                TopicsCommand.class,
                ClassifyCommand.class,
                ScanTextCommand.class,
                DoxxingEvalCommand.class,
                HashCommand.class,
                BanksCommand.class,
                TokenCommand.class,
                AuditCommand.class,
                CommandLine.HelpCommand.class
        })
public final class VigilCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new VigilCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VigilCli.class.getPackage().getImplementationVersion();
            return new String[]{"vigil " + (version == null ? "(development build)" : version)};
        }
    }
}
