package io.vigil.ingest.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that answers like the Telegram Bot API (the test double for an external service the project
 * does not run): {@code /bot<token>/<method>} with the {@code {"ok": ..., "result": ...}} envelope, getUpdates over a
 * recorded list of updates with Telegram's offset semantics (asking from an offset confirms, and drops, everything
 * before it), getFile and {@code /file/bot<token>/<path>} downloads, getChatMemberCount, getMe and setWebhook. It records
 * the offsets it was asked from, so tests can see when updates were confirmed.
 */
public final class FakeBotApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String token;
    private final List<JsonNode> pending = new ArrayList<>();
    private final List<Long> offsetsAsked = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Long> memberCounts = new ConcurrentHashMap<>();
    private final AtomicInteger memberCountCalls = new AtomicInteger();
    private final AtomicInteger getFileFailures = new AtomicInteger();
    private final long botId;
    private volatile JsonNode lastSetWebhook;
    private volatile boolean getUpdatesDown;

    public FakeBotApi(String token, long botId, List<JsonNode> updates) {
        this.token = token;
        this.botId = botId;
        this.pending.addAll(updates);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::answer);
        server.start();
    }

    /** The updates recorded in the test resources, from the fields the Bot API server writes. */
    public static List<JsonNode> recordedUpdates() {
        return recordedUpdates(Map.of());
    }

    /** The recorded updates with some text replaced (other chat ids, so that tests sharing a broker do not mix). */
    public static List<JsonNode> recordedUpdates(Map<String, String> replacements) {
        try (InputStream in = FakeBotApi.class.getResourceAsStream("/telegram/bot-api/updates.json")) {
            String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                json = json.replace(replacement.getKey(), replacement.getValue());
            }
            List<JsonNode> updates = new ArrayList<>();
            JSON.readTree(json).forEach(updates::add);
            return updates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves these bytes for the file id, at a path getFile names. */
    public void file(String fileId, byte[] bytes) {
        files.put(fileId, bytes);
    }

    public void memberCount(String chatId, long count) {
        memberCounts.put(chatId, count);
    }

    /** While down, getUpdates answers 502 and confirms nothing (the offset asked is still recorded). */
    public void getUpdatesDown(boolean down) {
        this.getUpdatesDown = down;
    }

    /** The next n getFile calls answer 502, as a proxy in front of the API does when it is down. */
    public void failGetFile(int times) {
        getFileFailures.set(times);
    }

    public synchronized void add(JsonNode update) {
        pending.add(update);
    }

    /** The offsets getUpdates was called with, in order. */
    public List<Long> offsetsAsked() {
        return List.copyOf(offsetsAsked);
    }

    public int memberCountCalls() {
        return memberCountCalls.get();
    }

    public JsonNode lastSetWebhook() {
        return lastSetWebhook;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String botPrefix = "/bot" + token + "/";
            String filePrefix = "/file/bot" + token + "/";
            if (path.startsWith(filePrefix)) {
                byte[] bytes = files.get(path.substring(filePrefix.length()));
                if (bytes == null) {
                    reply(exchange, 404, error(404, "Not Found"));
                } else {
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
                return;
            }
            if (!path.startsWith(botPrefix)) {
                reply(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String method = path.substring(botPrefix.length());
            switch (method) {
                case "getMe" -> reply(exchange, 200, ok(JSON.createObjectNode().put("id", botId).put("is_bot", true)
                        .put("first_name", "Vigil test bot").put("username", "vigil_test_bot")));
                case "getUpdates" -> {
                    if (getUpdatesDown) {
                        offsetsAsked.add(body.path("offset").asLong(0));
                        reply(exchange, 502, error(502, "Bad Gateway"));
                    } else {
                        reply(exchange, 200, ok(updates(body)));
                    }
                }
                case "getFile" -> getFile(exchange, body);
                case "getChatMemberCount", "getChatMembersCount" -> {
                    memberCountCalls.incrementAndGet();
                    Long count = memberCounts.get(body.path("chat_id").asText());
                    reply(exchange, count == null ? 400 : 200, count == null ? error(400, "Bad Request: chat not found")
                            : ok(JSON.getNodeFactory().numberNode(count)));
                }
                case "setWebhook" -> {
                    lastSetWebhook = body;
                    reply(exchange, 200, ok(JSON.getNodeFactory().booleanNode(true)));
                }
                default -> reply(exchange, 404, error(404, "Not Found: method not found"));
            }
        } catch (RuntimeException e) {
            reply(exchange, 500, error(500, "test server error"));
        }
    }

    private synchronized ArrayNode updates(JsonNode body) {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(100);
        offsetsAsked.add(offset);
        if (offset > 0) {
            pending.removeIf(u -> u.path("update_id").asLong() < offset);
        }
        ArrayNode result = JSON.createArrayNode();
        for (JsonNode update : pending) {
            if (result.size() >= limit) {
                break;
            }
            result.add(update);
        }
        if (result.isEmpty()) {
            // A long poll with nothing to give: a short wait keeps a polling client from spinning.
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return result;
    }

    private void getFile(HttpExchange exchange, JsonNode body) throws IOException {
        if (getFileFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            reply(exchange, 502, error(502, "Bad Gateway"));
            return;
        }
        String fileId = body.path("file_id").asText();
        byte[] bytes = files.get(fileId);
        if (bytes == null) {
            reply(exchange, 400, error(400, "Bad Request: invalid file_id"));
            return;
        }
        reply(exchange, 200, ok(JSON.createObjectNode().put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                .put("file_size", bytes.length).put("file_path", fileId)));
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode reply = JSON.createObjectNode().put("ok", true);
        reply.set("result", result);
        return reply;
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
