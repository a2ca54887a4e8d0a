package io.vigil.detector.doxxing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ScanTextJsonLinesTest {

    @Test
    void oneOutputLinePerInputWithOffsetsInJavaChars() throws Exception {
        String input = """
                {"id": "a", "text": "😂 su número 612 34 56 78 escribidle", "country": "ES"}

                {"id": 7, "text": "nada que ver"}
                not json at all 612345678
                {"id": "c"}
                """;
        StringWriter out = new StringWriter();
        long n = new ScanTextJsonLines(TestDetectors.DETECTOR).run(new StringReader(input), out);

        assertThat(n).isEqualTo(4);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        assertThat(first.get("id").asText()).isEqualTo("a");
        assertThat(first.get("doxxing").asBoolean()).isTrue();
        assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
        JsonNode entity = first.get("entities").get(0);
        assertThat(entity.get("type").asText()).isEqualTo("PHONE");
        assertThat(entity.get("start").asInt()).isEqualTo(13);
        assertThat(entity.get("end").asInt()).isEqualTo(25);
        assertThat(first.get("reasons").isArray()).isTrue();
        assertThat(lines[0]).doesNotContain("612");

        JsonNode second = json.readTree(lines[1]);
        assertThat(second.get("id").asInt()).isEqualTo(7);
        assertThat(second.get("doxxing").asBoolean()).isFalse();
        assertThat(second.get("entities")).isEmpty();

        assertThat(json.readTree(lines[2]).get("error").asText()).isEqualTo("invalid_json");
        assertThat(lines[2]).doesNotContain("612345678");
        assertThat(json.readTree(lines[3]).get("error").asText()).isEqualTo("missing_text");
        assertThat(json.readTree(lines[3]).get("id").asText()).isEqualTo("c");
    }
}
