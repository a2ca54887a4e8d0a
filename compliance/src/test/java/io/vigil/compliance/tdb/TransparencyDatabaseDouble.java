package io.vigil.compliance.tdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigil.compliance.statements.RuleViolation;
import io.vigil.compliance.statements.StatementJson;
import io.vigil.compliance.statements.StatementValidator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the EU Transparency Database's API (an external service Vigil does not run), answering as
 * resources/markdown/api-documentation.md at commit 69e80a0 documents: bearer token or 401; {@code POST statements}
 * with 1 to 100 statements, 201 with the created statements, or 422 with errors per {@code statement_N} and none
 * created; {@code POST statement}, 201 or 422 with the field errors, or the documented puid error with the existing
 * statement; {@code GET statement/existing-puid/{puid}}, 302 or 404; 429 "Limit Reached" over its rate limit. Field
 * errors come from the database's rules as Vigil wrote them down ({@link StatementValidator}, tested against the
 * database's own fixtures). The batch endpoint's answer to a puid it already has is not among the pinned sources;
 * the double answers it like the single endpoint, which the submitter does not depend on.
 */
public final class TransparencyDatabaseDouble implements AutoCloseable {

    private final HttpServer server;
    private final String token;
    private final int perSecond;
    private final StatementValidator validator = new StatementValidator();
    private final Map<String, ObjectNode> stored = new ConcurrentHashMap<>();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final List<Instant> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final Deque<Integer> scripted = new ArrayDeque<>();

    public TransparencyDatabaseDouble(String token, int perSecond) {
        this.token = token;
        this.perSecond = perSecond;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    /** The next answers are these statuses (429 with Retry-After: 1, 401, 500, ...) before the real ones. */
    public synchronized void failNext(int... statuses) {
        for (int status : statuses) {
            scripted.addLast(status);
        }
    }

    public Set<String> puids() {
        return Set.copyOf(stored.keySet());
    }

    public ObjectNode statement(String puid) {
        return stored.get(puid);
    }

    public List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    public List<Integer> statuses() {
        return List.copyOf(statuses);
    }

    /** The most requests the double received within any one second. */
    public int busiestSecond() {
        List<Instant> times = new ArrayList<>(requests);
        Collections.sort(times);
        int most = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (!times.get(j).isAfter(times.get(i).minusSeconds(1))) {
                j++;
            }
            most = Math.max(most, i - j + 1);
        }
        return most;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant now = Instant.now();
            requests.add(now);
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, json("{\"message\":\"Unauthenticated.\"}"));
                return;
            }
            Integer scriptedStatus;
            synchronized (this) {
                scriptedStatus = scripted.pollFirst();
            }
            if (scriptedStatus != null) {
                if (scriptedStatus == 429) {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    answerText(exchange, 429, "Limit Reached. Please do not overload the API");
                } else {
                    answer(exchange, scriptedStatus, json("{\"message\":\"Server Error\"}"));
                }
                return;
            }
            if (requests.stream().filter(t -> t.isAfter(now.minusSeconds(1))).count() > perSecond) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                answerText(exchange, 429, "Limit Reached. Please do not overload the API");
                return;
            }
            String path = exchange.getRequestURI().getPath().substring("/api/v1/".length());
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("statements")) {
                createMany(exchange);
            } else if (method.equals("POST") && path.equals("statement")) {
                createOne(exchange);
            } else if (method.equals("GET") && path.startsWith("statement/existing-puid/")) {
                String puid = URLDecoder.decode(path.substring("statement/existing-puid/".length()), StandardCharsets.UTF_8);
                boolean found = stored.containsKey(puid);
                ObjectNode body = StatementJson.MAPPER.createObjectNode()
                        .put("message", found ? "statement of reason found" : "statement of reason not found").put("puid", puid);
                answer(exchange, found ? 302 : 404, body);
            } else {
                answer(exchange, 404, json("{\"message\":\"Not Found\"}"));
            }
        }
    }

    private synchronized void createMany(HttpExchange exchange) throws IOException {
        JsonNode body = read(exchange);
        JsonNode statements = body == null ? null : body.get("statements");
        if (statements == null || !statements.isArray() || statements.isEmpty() || statements.size() > 100) {
            String message = statements == null || !statements.isArray() ? "The statements field is required."
                    : "The statements field must have between 1 and 100 items.";
            ObjectNode error = StatementJson.MAPPER.createObjectNode();
            error.putObject("errors").putArray("statements").add(message);
            answer(exchange, 422, error.put("message", message));
            return;
        }
        batchSizes.add(statements.size());
        ObjectNode errors = StatementJson.MAPPER.createObjectNode();
        for (int i = 0; i < statements.size(); i++) {
            List<RuleViolation> violations = validator.validate(statements.get(i));
            if (!violations.isEmpty()) {
                errors.set("statement_" + i, fieldErrors(violations));
            }
        }
        if (!errors.isEmpty()) {
            ObjectNode answer = StatementJson.MAPPER.createObjectNode();
            answer.set("errors", errors);
            answer(exchange, 422, answer);
            return;
        }
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (JsonNode statement : statements) {
            String puid = statement.get("puid").asText();
            if (stored.containsKey(puid) || !seen.add(puid)) {
                duplicates.add(puid);
            }
        }
        if (!duplicates.isEmpty()) {
            ObjectNode answer = puidError();
            ArrayNode existing = answer.putArray("existing_puids");
            duplicates.forEach(existing::add);
            answer(exchange, 422, answer);
            return;
        }
        ObjectNode answer = StatementJson.MAPPER.createObjectNode();
        ArrayNode created = answer.putArray("statements");
        for (JsonNode statement : statements) {
            created.add(store((ObjectNode) statement.deepCopy()));
        }
        answer(exchange, 201, answer);
    }

    private synchronized void createOne(HttpExchange exchange) throws IOException {
        JsonNode statement = read(exchange);
        List<RuleViolation> violations = validator.validate(statement == null ? StatementJson.MAPPER.createObjectNode() : statement);
        if (!violations.isEmpty()) {
            ObjectNode answer = StatementJson.MAPPER.createObjectNode();
            answer.put("message", violations.get(0).message() + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more errors)" : ""));
            answer.set("errors", fieldErrors(violations));
            answer(exchange, 422, answer);
            return;
        }
        String puid = statement.get("puid").asText();
        if (stored.containsKey(puid)) {
            ObjectNode answer = puidError();
            answer.set("existing", stored.get(puid));
            answer(exchange, 422, answer);
            return;
        }
        answer(exchange, 201, store((ObjectNode) statement.deepCopy()));
    }

    private ObjectNode store(ObjectNode statement) {
        String uuid = UUID.randomUUID().toString();
        statement.put("uuid", uuid).put("created_at", Instant.now().toString()).put("platform_name", "Test Platform")
                .put("permalink", endpoint() + "/../statement/" + uuid).put("self", endpoint() + "/statement/" + uuid);
        stored.put(statement.get("puid").asText(), statement);
        return statement;
    }

    private static ObjectNode puidError() {
        ObjectNode answer = StatementJson.MAPPER.createObjectNode().put("message", "The identifier given is not unique within this platform.");
        answer.putObject("errors").putArray("puid").add("The identifier given is not unique within this platform.");
        return answer;
    }

    private static ObjectNode fieldErrors(List<RuleViolation> violations) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        violations.forEach(v -> byField.computeIfAbsent(v.field(), f -> new ArrayList<>()).add(v.message()));
        ObjectNode errors = StatementJson.MAPPER.createObjectNode();
        byField.forEach((field, messages) -> messages.forEach(errors.withArray(field)::add));
        return errors;
    }

    private static JsonNode read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            return StatementJson.MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode json(String text) {
        try {
            return StatementJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        statuses.add(status);
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void answerText(HttpExchange exchange, int status, String body) throws IOException {
        statuses.add(status);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
