package io.vigil.standalone;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VigilCliTest {

    private static final Set<String> EVERY_COMMAND = VigilCli.commandLine().getSubcommands().keySet();

    @Test
    void aRunThatNamesACommandBuildsThatCommandAlone() {
        assertThat(VigilCli.commandLine("enricher", "--bootstrap-servers", "kafka:9092").getSubcommands())
                .containsOnlyKeys("enricher");
    }

    @Test
    void everyCommandIsReachableByItsNameWithTheOptionsOfTheFullCommandLine() {
        assertThat(EVERY_COMMAND).hasSize(VigilCli.COMMANDS.size()).contains("demo", "detector", "enricher", "sink", "help");
        for (String name : EVERY_COMMAND) {
            CommandLine alone = VigilCli.commandLine(name).getSubcommands().get(name);
            CommandLine inFull = VigilCli.commandLine().getSubcommands().get(name);
            assertThat(alone).as(name).isNotNull();
            assertThat(optionNames(alone)).as(name).isEqualTo(optionNames(inFull));
            assertThat(alone.getSubcommands().keySet()).as(name).isEqualTo(inFull.getSubcommands().keySet());
        }
    }

    @Test
    void aRunThatNamesNoKnownCommandGetsEveryCommandForTheHelpAndTheSuggestions() {
        assertThat(VigilCli.commandLine("--help").getSubcommands().keySet()).isEqualTo(EVERY_COMMAND);
        assertThat(VigilCli.commandLine("help", "enricher").getSubcommands().keySet()).isEqualTo(EVERY_COMMAND);
        assertThat(VigilCli.commandLine("enricherr").getSubcommands().keySet()).isEqualTo(EVERY_COMMAND);
        assertThat(VigilCli.commandLine(new String[0]).getSubcommands().keySet()).isEqualTo(EVERY_COMMAND);
    }

    @Test
    void enumValuesAreCaseInsensitiveForACommandBuiltAlone() {
        assertThat(VigilCli.commandLine("replay").getSubcommands().get("replay").isCaseInsensitiveEnumValuesAllowed()).isTrue();
    }

    private static List<String> optionNames(CommandLine command) {
        return command.getCommandSpec().options().stream().map(OptionSpec::longestName).sorted().toList();
    }
}
