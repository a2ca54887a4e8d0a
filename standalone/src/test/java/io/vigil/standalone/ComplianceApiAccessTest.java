package io.vigil.standalone;

import io.vigil.compliance.http.ComplianceRoutes;
import io.vigil.standalone.identity.DemoIssuer;
import io.vigil.standalone.identity.TokenMinter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the compliance service against every kind of caller: no token, an expired token, a token for another
 * audience, a viewer, a moderator, the platform's backend, a trusted flagger and a child-safety moderator, each with the
 * status the route's rule gives. A route added without a row here fails {@link #theTableCoversEveryRoute}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceApiAccessTest {

    enum Caller { NO_TOKEN, EXPIRED, WRONG_AUDIENCE, VIEWER, MODERATOR, PLATFORM, TRUSTED_FLAGGER, CHILD_SAFETY }

    private static final String NOTICE = "{\"platform\":\"telegram\",\"chatId\":\"chat-x\",\"messageId\":\"m1\",\"category\":\"ncii\","
            + "\"explanation\":\"intimate photos shared without consent\",\"goodFaith\":true,\"reporterReference\":\"ticket-1\"}";
    private static final String APPEAL = "{\"decisionId\":\"decision-x\",\"platform\":\"telegram\",\"chatId\":\"chat-x\",\"messageId\":\"m1\","
            + "\"appellantId\":\"user-1\",\"explanation\":\"it is my own photo\"}";
    private static final String REVIEW = "{\"chatId\":\"chat-x\",\"confirmed\":true}";

    private record Row(String method, String route, String path, String body, int[] expected) {
    }

    private static final List<Row> TABLE = List.of(
            new Row("POST", "/api/notices", "/api/notices", NOTICE, new int[]{401, 401, 401, 403, 403, 201, 201, 403}),
            new Row("POST", "/api/appeals", "/api/appeals", APPEAL, new int[]{401, 401, 401, 403, 403, 202, 403, 403}),
            new Row("GET", "/api/cybertipline-reports", "/api/cybertipline-reports", null, new int[]{401, 401, 401, 403, 403, 403, 403, 200}),
            new Row("POST", "/api/cybertipline-reports/{reportId}/review", "/api/cybertipline-reports/ncmec-absent/review", REVIEW,
                    new int[]{401, 401, 401, 403, 403, 403, 403, 404}),
            new Row("GET", ComplianceRoutes.INTERNAL_REPORTS, ComplianceRoutes.INTERNAL_REPORTS, null, new int[]{401, 401, 401, 401, 401, 401, 401, 401}),
            new Row("GET", ComplianceRoutes.INTERNAL_REPORTS + "/{reportId}", ComplianceRoutes.INTERNAL_REPORTS + "/ncmec-absent", null,
                    new int[]{401, 401, 401, 401, 401, 401, 401, 401}),
            new Row("GET", "/metrics", "/metrics", null, new int[]{200, 200, 200, 200, 200, 200, 200, 200}),
            new Row("GET", "/health", "/health", null, new int[]{200, 200, 200, 200, 200, 200, 200, 200}));

    @TempDir
    static Path dataDir;

    private ModerationUnderTest vigil;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() throws Exception {
        vigil = new ModerationUnderTest(dataDir, UnaryOperator.identity());
    }

    @AfterAll
    void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    private String token(Caller caller) {
        TokenMinter minter = vigil.issuer.minter();
        Instant now = Instant.now();
        return switch (caller) {
            case NO_TOKEN -> null;
            case EXPIRED -> minter.accessToken("pat", List.of("platform"), DemoIssuer.AUDIENCE, now.minus(Duration.ofHours(1)), Duration.ofMinutes(5));
            case WRONG_AUDIENCE -> minter.accessToken("pat", List.of("platform"), "another-api", now, Duration.ofMinutes(30));
            case VIEWER -> vigil.token("vic", "viewer");
            case MODERATOR -> vigil.token("alice", "moderator");
            case PLATFORM -> vigil.token("platform-backend", "platform");
            case TRUSTED_FLAGGER -> vigil.token("hotline-eu", "trusted-flagger");
            case CHILD_SAFETY -> vigil.token("carol", "child-safety");
        };
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Row row : TABLE) {
            for (Caller caller : Caller.values()) {
                cells.add(Arguments.of(row.method() + " " + row.route(), caller, row, row.expected()[caller.ordinal()]));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("cells")
    void eachRouteAnswersEachCallerAsItsRuleSays(String route, Caller caller, Row row, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + vigil.compliance.httpPort() + row.path()))
                .timeout(Duration.ofSeconds(60));
        String token = token(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (row.method().equals("POST")) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(row.body()));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(route + " as " + caller + ": " + response.body()).isEqualTo(expected);
    }

    @Test
    void theTableCoversEveryRoute() {
        Set<String> declared = new HashSet<>();
        new ComplianceRoutes(null, null, null, null, null, null).table()
                .forEach(route -> declared.add(route.method().name() + " " + route.path()));
        Set<String> tested = new HashSet<>();
        TABLE.forEach(row -> tested.add(row.method() + " " + row.route()));

        assertThat(tested).containsAll(declared);
    }

    @Test
    void stateChangesTakeJsonOnly() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + vigil.compliance.httpPort() + "/api/notices"))
                .header("Authorization", "Bearer " + token(Caller.PLATFORM)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("platform=telegram")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(form.statusCode()).isEqualTo(415);
    }
}
