package io.vigil.standalone.commands.banks.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    @Test
    void splitsOnEveryLineEndingConvention() throws Exception {
        assertThat(lines("a\rb\r\nc\n\nd", 100)).containsExactly("a", "b", "c", "", "d");
        assertThat(lines("x\r\n", 100)).containsExactly("x");
        assertThat(lines("", 100)).isEmpty();
    }

    @Test
    void cutsLinesAboveTheBoundAcrossBufferRefills() throws Exception {
        String longLine = "y".repeat(20_000);
        List<String> lines = lines("ok\n" + longLine + "\nok", 10_000);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isSameAs(BoundedLineReader.TOO_LONG);
        assertThat(lines.get(2)).isEqualTo("ok");
        assertThat(lines("z".repeat(10_000), 10_000).get(0)).hasSize(10_000);
    }

    private static List<String> lines(String text, int max) throws Exception {
        BoundedLineReader reader = new BoundedLineReader(new StringReader(text), max);
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines.add(line);
        }
        return lines;
    }
}
