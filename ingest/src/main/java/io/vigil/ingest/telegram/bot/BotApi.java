package io.vigil.ingest.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Telegram Bot API methods the adapter calls, over HTTPS, against a configurable base URL (the hosted API or a
 * local Bot API server). Requests are JSON POSTs; replies are the API's envelope ({@code ok}, {@code result},
 * {@code error_code}, {@code description}, {@code parameters.retry_after}). The token only ever appears in request
 * paths: errors name the method.
 */
public final class BotApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Added to a long poll's own timeout: the server answers at the end of it, the network needs a margin. */
    private static final Duration POLL_MARGIN = Duration.ofSeconds(15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** What getFile says of a file: where to download it and its size. */
    public record FileInfo(String path, Long size) {
    }

    private final String base;
    private final String token;
    private final HttpClient http;

    public BotApi(URI baseUrl, String token) {
        String url = baseUrl.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public JsonNode getMe() throws IOException, InterruptedException {
        return call("getMe", JSON.createObjectNode(), REQUEST_TIMEOUT);
    }

    /** Long-polls for updates from {@code offset}; asking with an offset confirms every update before it. */
    public List<JsonNode> getUpdates(long offset, int timeoutSeconds, int limit, List<String> allowedUpdates)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("offset", offset).put("timeout", timeoutSeconds).put("limit", limit);
        var allowed = body.putArray("allowed_updates");
        allowedUpdates.forEach(allowed::add);
        JsonNode result = call("getUpdates", body, Duration.ofSeconds(timeoutSeconds).plus(POLL_MARGIN));
        List<JsonNode> updates = new ArrayList<>();
        result.forEach(updates::add);
        return updates;
    }

    public FileInfo getFile(String fileId) throws IOException, InterruptedException {
        JsonNode file = call("getFile", JSON.createObjectNode().put("file_id", fileId), REQUEST_TIMEOUT);
        if (!file.hasNonNull("file_path")) {
            throw new BotApiException("getFile", 0, "no file_path (the file may be over the API's download limit)", 0);
        }
        return new FileInfo(file.get("file_path").asText(), file.has("file_size") ? file.get("file_size").asLong() : null);
    }

    /** The file's bytes, as a stream the caller closes. */
    public InputStream download(String filePath) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/file/bot" + token + "/" + filePath))
                .timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), "download");
        if (response.statusCode() != 200) {
            response.body().close();
            throw new BotApiException("download", response.statusCode(), null, 0);
        }
        return response.body();
    }

    public long getChatMemberCount(String chatId) throws IOException, InterruptedException {
        return call("getChatMemberCount", JSON.createObjectNode().put("chat_id", chatId), REQUEST_TIMEOUT).asLong();
    }

    /**
     * Points Telegram at this adapter's webhook with one connection at a time, so that updates arrive in order and a
     * repeated one (a reply lost on the way) is recognised by its id.
     */
    public void setWebhook(String url, String secretToken, List<String> allowedUpdates) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("url", url).put("secret_token", secretToken).put("max_connections", 1);
        var allowed = body.putArray("allowed_updates");
        allowedUpdates.forEach(allowed::add);
        call("setWebhook", body, REQUEST_TIMEOUT);
    }

    private JsonNode call(String method, ObjectNode body, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/" + method))
                .timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray(), method);
        JsonNode reply;
        try {
            reply = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new BotApiException(method, response.statusCode(), "the reply is not JSON", 0);
        }
        if (reply == null || !reply.path("ok").asBoolean(false)) {
            int code = reply == null ? response.statusCode() : reply.path("error_code").asInt(response.statusCode());
            String description = reply == null ? null : reply.path("description").asText(null);
            int retryAfter = reply == null ? 0 : reply.path("parameters").path("retry_after").asInt(0);
            throw new BotApiException(method, code, description, retryAfter);
        }
        return reply.path("result");
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String method)
            throws IOException, InterruptedException {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            // The exception's message may carry the URL, and the URL the token.
            throw new BotApiException(method, 0, "no answer: " + e.getClass().getSimpleName(), 0);
        }
    }
}
