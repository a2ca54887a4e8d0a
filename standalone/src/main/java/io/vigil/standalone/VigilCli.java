package io.vigil.standalone;

import io.vigil.standalone.backtest.BacktestCommand;
import io.vigil.standalone.commands.AuditCommand;
import io.vigil.standalone.commands.ClassifyCommand;
import io.vigil.standalone.commands.DemoCommand;
import io.vigil.standalone.commands.DoxxingEvalCommand;
import io.vigil.standalone.commands.HashCommand;
import io.vigil.standalone.commands.ScanTextCommand;
import io.vigil.standalone.commands.ServiceCommands;
import io.vigil.standalone.commands.TelegramBotCommand;
import io.vigil.standalone.commands.TokenCommand;
import io.vigil.standalone.commands.TopicsCommand;
import io.vigil.standalone.commands.banks.BanksCommand;
import io.vigil.standalone.commands.compliance.ExportCommand;
import io.vigil.standalone.commands.compliance.ReportCommand;
import io.vigil.standalone.commands.replay.ReplayCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** The {@code vigil} command line: the embedded demo, each service on its own, and the tools around them. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = VigilCli.Version.class,
        description = "Real-time detection of non-consensual intimate images and doxxing on messaging platforms.")
public final class VigilCli implements Runnable {

    /** Every command, in the order the help lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            DemoCommand.class,
            ServiceCommands.Detector.class,
            ServiceCommands.Enricher.class,
            ServiceCommands.Sink.class,
            ServiceCommands.Compliance.class,
            TopicsCommand.class,
            ClassifyCommand.class,
            ScanTextCommand.class,
            DoxxingEvalCommand.class,
            HashCommand.class,
            BanksCommand.class,
            ReplayCommand.class,
            TelegramBotCommand.class,
            BacktestCommand.class,
            TokenCommand.class,
            AuditCommand.class,
            ReportCommand.class,
            ExportCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The command line with every command: for the help, and for callers that run several commands on it. */
    public static CommandLine commandLine() {
        return withCommands(COMMANDS);
    }

    /**
     * The command line for one run: when the first argument names a command, only that command. Picocli builds the model
     * of every command it is given, and building one loads and initialises what its options and fields use (the
     * classifier's model types, the banks' Avro enums, the replay's readers, JSON mappers): 1-2 s of class loading on a
     * loaded machine before a restarted service could start on its work (docs/operations.md, "What a restart's seconds
     * are made of"). Anything else (no arguments, an option, {@code help}, a typo) gets every command, so the help and
     * picocli's suggestions are the same as before.
     */
    static CommandLine commandLine(String... args) {
        return COMMANDS.stream()
                // help describes the other commands, so it needs them all
                .filter(command -> command != CommandLine.HelpCommand.class)
                .filter(command -> args.length > 0 && nameOf(command).equals(args[0]))
                .findFirst()
                .map(command -> withCommands(List.of(command)))
                .orElseGet(VigilCli::commandLine);
    }

    private static CommandLine withCommands(List<Class<?>> commands) {
        CommandLine root = new CommandLine(new VigilCli());
        commands.forEach(root::addSubcommand);
        // Set after adding: picocli applies it to the commands present at the call.
        return root.setCaseInsensitiveEnumValuesAllowed(true);
    }

    static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
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
