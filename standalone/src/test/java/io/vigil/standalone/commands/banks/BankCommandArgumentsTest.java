package io.vigil.standalone.commands.banks;

import io.vigil.standalone.commands.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@code vigil banks} refuses before it reaches any cluster, and how it reports one it cannot reach. */
class BankCommandArgumentsTest {

    /** Nothing listens here. */
    private static final String NO_CLUSTER = "127.0.0.1:1";

    @TempDir
    Path dir;

    @Test
    void categoriesAndSourcesAreTheContractsInAnyCase() throws IOException {
        Path list = list();

        CliRun unknownCategory = CliRun.of("banks", "import", "--bank", "b", "--category", "nudes", "--source", "file",
                "--bootstrap-servers", NO_CLUSTER, list.toString());
        CliRun unknownSource = CliRun.of("banks", "import", "--bank", "b", "--category", "ncii", "--source", "somewhere",
                "--bootstrap-servers", NO_CLUSTER, list.toString());

        assertThat(unknownCategory.exitCode()).isEqualTo(2);
        assertThat(unknownCategory.err()).contains("Invalid value for option '--category'")
                .contains("OTHER, CSAM, NCII, TERRORISM, VIOLENT_EXTREMISM, PLATFORM_TAKEDOWN, DOXXING").contains("'nudes'");
        assertThat(unknownSource.exitCode()).isEqualTo(2);
        assertThat(unknownSource.err()).contains("Invalid value for option '--source'").contains("STOPNCII, TAKEITDOWN");
    }

    @Test
    void bankIdsFollowTheDetectorsRule() throws IOException {
        CliRun run = CliRun.of("banks", "import", "--bank", "no spaces/or slashes", "--category", "ncii", "--source", "file",
                "--bootstrap-servers", NO_CLUSTER, list().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--bank 'no spaces/or slashes': bank id must be 1-128 letters, digits, '.', '_' or '-'");
    }

    @Test
    void rejectLimitsAndSignalTypesAreChecked() throws IOException {
        CliRun limit = CliRun.of("banks", "import", "--bank", "b", "--category", "ncii", "--source", "file", "--max-rejects", "many",
                "--bootstrap-servers", NO_CLUSTER, list().toString());
        CliRun type = CliRun.of("banks", "import", "--bank", "b", "--category", "ncii", "--source", "file", "--signal-type", "unknown",
                "--bootstrap-servers", NO_CLUSTER, list().toString());
        CliRun missing = CliRun.of("banks", "import", "--bank", "b", "--category", "ncii", "--source", "file",
                "--bootstrap-servers", NO_CLUSTER, dir.resolve("absent.txt").toString());

        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).contains("expected a count (25) or a percentage (10%), got 'many'");
        assertThat(type.exitCode()).isEqualTo(2);
        assertThat(type.err()).contains("--signal-type must be PDQ, MD5 or SHA256");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("absent.txt is not a regular file");
    }

    @Test
    void anUnreachableClusterIsReportedOnceWithinTheTimeout() throws IOException {
        CliRun imported = CliRun.of("banks", "import", "--bank", "b", "--category", "ncii", "--source", "file", "--timeout", "1",
                "--bootstrap-servers", NO_CLUSTER, list().toString());
        CliRun listed = CliRun.of("banks", "list", "--timeout", "1", "--bootstrap-servers", NO_CLUSTER);

        assertThat(imported.exitCode()).isEqualTo(1);
        assertThat(imported.err()).isEqualTo("error: Kafka at " + NO_CLUSTER + " did not answer within 1 s" + System.lineSeparator());
        assertThat(imported.out()).isEmpty();
        assertThat(listed.exitCode()).isEqualTo(1);
        assertThat(listed.err()).contains("did not answer within 1 s");
    }

    @Test
    void rejectLimitsAreACountOrAShare() {
        assertThat(RejectLimit.parse("10%").exceededBy(10, 100)).isFalse();
        assertThat(RejectLimit.parse("10%").exceededBy(11, 100)).isTrue();
        assertThat(RejectLimit.parse("0").exceededBy(1, 1_000_000)).isTrue();
        assertThat(RejectLimit.parse("3").exceededBy(3, 3)).isFalse();
        assertThat(RejectLimit.parse("0%").exceededBy(0, 0)).isFalse();
        assertThat(RejectLimit.parse("2.5%")).hasToString("2.5%");
        assertThat(RejectLimit.parse("10%")).hasToString("10%");
        assertThatThrownBy(() -> RejectLimit.parse("150%")).hasMessageContaining("0-100%");
        assertThatThrownBy(() -> RejectLimit.parse("-1")).hasMessageContaining("0 or more");
    }

    private Path list() throws IOException {
        return Files.writeString(dir.resolve("list.txt"), "900150983cd24fb0d6963f7d28e17f72\n");
    }
}
