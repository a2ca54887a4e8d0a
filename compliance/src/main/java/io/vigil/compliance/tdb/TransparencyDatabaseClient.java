package io.vigil.compliance.tdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.compliance.delivery.RateLimiter;
import io.vigil.compliance.statements.StatementJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The three calls of the Transparency Database's API Vigil uses (api-documentation.md; routes/api_v1.php): create
 * statements in a batch ({@code POST statements}), create one ({@code POST statement}), and ask whether a puid exists
 * ({@code GET statement/existing-puid/{puid}}, 302 found, 404 not). Every call carries the bearer token and the JSON
 * headers the documentation asks for, and waits its turn under the rate limits.
 */
public final class TransparencyDatabaseClient implements StatementApi {

    private final URI endpoint;
    private final Supplier<String> token;
    private final RateLimiter limiter;
    private final Duration timeout;
    private final HttpClient http;

    public TransparencyDatabaseClient(String endpoint, Supplier<String> token, RateLimiter limiter, Duration timeout) {
        this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        this.token = token;
        this.limiter = limiter;
        this.timeout = timeout;
        // The existing-puid answer is a 302 whose meaning is the status itself: redirects are never followed.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    @Override
    public ApiAnswer createMany(List<ObjectNode> statements) throws IOException, InterruptedException {
        ObjectNode body = StatementJson.MAPPER.createObjectNode();
        ArrayNode array = body.putArray("statements");
        statements.forEach(array::add);
        return send(request("statements").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    @Override
    public ApiAnswer createOne(ObjectNode statement) throws IOException, InterruptedException {
        return send(request("statement").POST(HttpRequest.BodyPublishers.ofString(statement.toString())));
    }

    @Override
    public ApiAnswer existing(String puid) throws IOException, InterruptedException {
        return send(request("statement/existing-puid/" + URLEncoder.encode(puid, StandardCharsets.UTF_8)).GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(endpoint.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json");
    }

    private ApiAnswer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        limiter.acquire();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? MissingNode.getInstance() : StatementJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            // The 429 answer is plain text ("Limit Reached. ..."), as are some proxies' errors.
            body = StatementJson.MAPPER.getNodeFactory().textNode(response.body());
        }
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(TransparencyDatabaseClient::seconds);
        return new ApiAnswer(response.statusCode(), body, retryAfter);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
