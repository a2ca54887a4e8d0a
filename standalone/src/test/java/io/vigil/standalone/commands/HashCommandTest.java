package io.vigil.standalone.commands;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil hash} on copies of the PDQ reference fixtures: the hashes and qualities the reference printed, the
 * digests coreutils printed, and a corrupt or missing file reported on standard error without stopping the rest.
 */
class HashCommandTest {

    private static final List<String> FIXTURES = List.of("plasma_11_800x600.jpg", "checker_512x512.png",
            "shapes_palette_640x640.gif", "small_96x64.png");

    @TempDir
    static Path dir;

    private static Map<String, String[]> expected;
    private static Map<String, String[]> dihedral;
    private static Map<String, String[]> digests;

    @BeforeAll
    static void copyFixtures() throws IOException {
        for (String file : FIXTURES) {
            Files.write(dir.resolve(file), resource(file));
        }
        expected = tsv("expected.tsv");
        dihedral = tsv("dihedral.tsv");
        digests = tsv("digests.tsv");
    }

    @Test
    void printsTheReferencesPdqAndQualityAndTheFileDigests() {
        CliRun run = CliRun.of(args("hash", FIXTURES.stream().map(f -> dir.resolve(f).toString())));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(FIXTURES.size());
        for (int i = 0; i < FIXTURES.size(); i++) {
            String file = FIXTURES.get(i);
            String[] columns = run.outLines().get(i).split("\t");
            assertThat(columns).as(file).containsExactly(expected.get(file)[0], expected.get(file)[1],
                    digests.get(file)[0], digests.get(file)[1], dir.resolve(file).toString());
        }
    }

    @Test
    void dihedralAppendsTheEightVariantsInTheReferencesOrder() {
        CliRun run = CliRun.of("hash", "--dihedral", dir.resolve("plasma_11_800x600.jpg").toString(),
                dir.resolve("shapes_palette_640x640.gif").toString());

        assertThat(run.exitCode()).isZero();
        for (String line : run.outLines()) {
            String[] columns = line.split("\t");
            String file = Path.of(columns[4]).getFileName().toString();
            assertThat(columns).hasSize(13);
            assertThat(Arrays.copyOfRange(columns, 5, 13)).as(file).containsExactly(dihedral.get(file));
            assertThat(columns[5]).isEqualTo(columns[0]);
        }
    }

    @Test
    void aFileThatFailsGoesToStandardErrorAndTheOthersAreStillHashed() throws IOException {
        byte[] jpeg = resource("plasma_11_800x600.jpg");
        Path truncated = dir.resolve("truncated.jpg");
        Files.write(truncated, Arrays.copyOf(jpeg, jpeg.length / 3));
        Path notAnImage = dir.resolve("notes.txt");
        Files.writeString(notAnImage, "not an image");
        Path missing = dir.resolve("missing.png");

        CliRun run = CliRun.of("hash", dir.resolve("checker_512x512.png").toString(), truncated.toString(),
                notAnImage.toString(), missing.toString(), dir.resolve("small_96x64.png").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).extracting(l -> l.split("\t")[0])
                .containsExactly(expected.get("checker_512x512.png")[0], expected.get("small_96x64.png")[0]);
        assertThat(run.errLines()).hasSize(3);
        assertThat(run.errLines().get(0)).startsWith("ERROR\timage_corrupt: JPEG data is").endsWith("\t" + truncated);
        assertThat(run.errLines().get(1)).startsWith("ERROR\timage_unsupported_format: ").endsWith("\t" + notAnImage);
        assertThat(run.errLines().get(2)).isEqualTo("ERROR\tfile_not_found: no such file\t" + missing);
        assertThat(run.errLines()).allSatisfy(l -> assertThat(l.split("\t")).hasSize(3));
    }

    @Test
    void imagesAboveMaxPixelsAreRefusedFromTheirHeader() {
        CliRun run = CliRun.of("hash", "--max-pixels", "100000", dir.resolve("plasma_11_800x600.jpg").toString(),
                dir.resolve("small_96x64.png").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("ERROR\timage_too_large: JPEG of 800x600 = 480000 pixels exceeds the limit of 100000\t");
        assertThat(run.outLines()).hasSize(1);
    }

    @Test
    void noFileIsAUsageError() {
        CliRun run = CliRun.of("hash");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter");
    }

    private static String[] args(String command, java.util.stream.Stream<String> files) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(command), files).toArray(String[]::new);
    }

    private static Map<String, String[]> tsv(String name) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        new String(resource(name), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split("\t"))
                .forEach(r -> rows.put(r[0], Arrays.copyOfRange(r, 1, r.length)));
        return rows;
    }

    private static byte[] resource(String name) {
        try (InputStream in = HashCommandTest.class.getResourceAsStream("/pdq/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource pdq/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
