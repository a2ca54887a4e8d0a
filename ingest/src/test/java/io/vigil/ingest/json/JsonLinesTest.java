package io.vigil.ingest.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesTest {

    @TempDir
    Path dir;

    @Test
    void blankLinesArePassedOverAndEveryOtherLineKeepsItsNumberInTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("lines.jsonl"), "{\"a\":1}\n\n   \n{not json\n[2]\n");
        List<String> seen = new ArrayList<>();

        JsonLines.read(file, new ObjectMapper(), line -> seen.add(line.number() + (line.isJson() ? " " + line.value() : " unreadable")));

        assertThat(seen).containsExactly("1 {\"a\":1}", "4 unreadable", "5 [2]");
    }
}
