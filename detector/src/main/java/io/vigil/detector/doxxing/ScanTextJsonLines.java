package io.vigil.detector.doxxing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Optional;

/**
 * The JSON-lines contract of {@code vigil scan-text}: one input object {@code {"id", "text", "country"?,
 * "followsImage"?}} per line, one output object {@code {"id", "doxxing", "score", "entities": [{"type", "start",
 * "end"}], "reasons"}} per line, offsets in Java chars. A line that is not such an object yields
 * {@code {"id": <id or null>, "error": <code>}} and the stream goes on; errors never echo the text.
 */
public final class ScanTextJsonLines {

    private final DoxxingDetector detector;
    private final ObjectMapper json = new ObjectMapper();

    public ScanTextJsonLines(DoxxingDetector detector) {
        this.detector = detector;
    }

    /** Reads every line of {@code in}, writes one line per non-blank input line to {@code out}; returns the count. */
    public long run(Reader in, Writer out) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        long count = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            out.write(json.writeValueAsString(process(line)));
            out.write('\n');
            count++;
        }
        out.flush();
        return count;
    }

    ObjectNode process(String line) {
        JsonNode input;
        try {
            input = json.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, "invalid_json");
        }
        if (input == null || !input.isObject()) {
            return error(null, "not_an_object");
        }
        JsonNode id = input.get("id");
        JsonNode text = input.get("text");
        if (text == null || !text.isTextual()) {
            return error(id, "missing_text");
        }
        JsonNode country = input.get("country");
        Optional<String> hint = country != null && country.isTextual() && !country.asText().isBlank()
                ? Optional.of(country.asText()) : Optional.empty();
        JsonNode follows = input.get("followsImage");
        TextScan scan = detector.scan(text.asText(), hint, follows != null && follows.asBoolean(false));

        ObjectNode out = json.createObjectNode();
        out.set("id", id == null ? json.nullNode() : id);
        out.put("doxxing", scan.doxxing());
        out.put("score", Math.round(scan.score() * 10000) / 10000.0);
        ArrayNode entities = out.putArray("entities");
        for (DetectedEntity e : scan.entities()) {
            entities.addObject().put("type", e.type().name()).put("start", e.start()).put("end", e.end());
        }
        ArrayNode reasons = out.putArray("reasons");
        scan.reasons().forEach(reasons::add);
        return out;
    }

    private ObjectNode error(JsonNode id, String code) {
        ObjectNode out = json.createObjectNode();
        out.set("id", id == null ? json.nullNode() : id);
        out.put("error", code);
        return out;
    }
}
