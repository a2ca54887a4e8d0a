package io.vigil.standalone.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.ingest.json.JsonLines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a policy change changed: the messages whose queue or level differs between two backtests of the same exports
 * (their message lines, matched by chat and message id), and the messages only one of them has.
 */
public final class Comparison {

    /** One message that moved; a side without the message has nulls. */
    public record Moved(String message, String levelBefore, String levelAfter, String queueBefore, String queueAfter) {
        @Override
        public String toString() {
            StringBuilder line = new StringBuilder(message);
            if (!Objects.equals(levelBefore, levelAfter)) {
                line.append("  level ").append(show(levelBefore)).append(" -> ").append(show(levelAfter));
            }
            if (!Objects.equals(queueBefore, queueAfter)) {
                line.append("  queue ").append(show(queueBefore)).append(" -> ").append(show(queueAfter));
            }
            return line.toString();
        }

        private static String show(String value) {
            return value == null ? "none" : value;
        }
    }

    public record Result(int compared, List<Moved> moved, List<String> onlyBefore, List<String> onlyAfter) {
    }

    private record Outcome(String level, String queue) {
    }

    private Comparison() {
    }

    /** {@code before} is the other run's file, {@code after} this run's. */
    public static Result of(Path before, Path after, ObjectMapper json) throws IOException {
        Map<String, Outcome> old = read(before, json);
        Map<String, Outcome> now = read(after, json);
        List<Moved> moved = new ArrayList<>();
        List<String> onlyAfter = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, Outcome> entry : now.entrySet()) {
            Outcome was = old.get(entry.getKey());
            if (was == null) {
                onlyAfter.add(entry.getKey());
                continue;
            }
            compared++;
            Outcome is = entry.getValue();
            if (!Objects.equals(was.level(), is.level()) || !Objects.equals(was.queue(), is.queue())) {
                moved.add(new Moved(entry.getKey(), was.level(), is.level(), was.queue(), is.queue()));
            }
        }
        List<String> onlyBefore = old.keySet().stream().filter(k -> !now.containsKey(k)).toList();
        return new Result(compared, moved, onlyBefore, onlyAfter);
    }

    private static Map<String, Outcome> read(Path file, ObjectMapper json) throws IOException {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        JsonLines.read(file, json, line -> {
            if (!line.isJson()) {
                throw new IOException(file + " line " + line.number() + ": not a JSON line of a backtest");
            }
            JsonNode node = line.value();
            if ("message".equals(node.path("kind").asText())) {
                String key = BacktestResults.key(node.path("chatId").asText(), node.path("messageId").asText());
                outcomes.put(key, new Outcome(text(node, "level"), text(node, "queue")));
            }
        });
        return outcomes;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
