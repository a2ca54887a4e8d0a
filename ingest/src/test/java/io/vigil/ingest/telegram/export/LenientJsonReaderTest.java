package io.vigil.ingest.telegram.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class LenientJsonReaderTest {

    private static String readAll(Reader reader, int bufferSize) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[bufferSize];
        int n;
        while ((n = reader.read(buffer, 0, bufferSize)) >= 0) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    @Test
    void backslashXInsideAStringBecomesTheJsonEscapeForTheSameCharacter() throws IOException {
        String tdesktop = "{\"text\": \"a\\x07b\\x1bc\"}";

        String json = readAll(new LenientJsonReader(new StringReader(tdesktop)), 64);

        assertThat(json).isEqualTo("{\"text\": \"a\\u0007b\\u001bc\"}");
        assertThat(new ObjectMapper().readTree(json).get("text").asText()).isEqualTo("a\u0007b\u001bc");
    }

    @Test
    void anEscapedBackslashFollowedByXAndQuotesInsideStringsStayText() throws IOException {
        String tdesktop = "{\"a\": \"C:\\\\xtra \\\"q\\\" \\x00\", \"b\": \"x\"}";

        String json = readAll(new LenientJsonReader(new StringReader(tdesktop)), 64);

        assertThat(new ObjectMapper().readTree(json).get("a").asText()).isEqualTo("C:\\xtra \"q\" \u0000");
        assertThat(new ObjectMapper().readTree(json).get("b").asText()).isEqualTo("x");
    }

    @Test
    void theTranslationIsTheSameWhateverTheCallersBufferSize() throws IOException {
        String tdesktop = "[\"\\x01\\x02\\x03\", \"\\x1f\", \"plain\"]";
        String expected = readAll(new LenientJsonReader(new StringReader(tdesktop)), 4096);

        for (int size = 1; size <= 9; size++) {
            assertThat(readAll(new LenientJsonReader(new StringReader(tdesktop)), size)).as("buffer of %d", size).isEqualTo(expected);
        }
        assertThat(expected).isEqualTo("[\"\\u0001\\u0002\\u0003\", \"\\u001f\", \"plain\"]");
    }
}
