package io.vigil.standalone;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.schemas.ContentCategory;
import io.vigil.sink.SinkConfig;
import io.vigil.sink.http.SinkRoutes;
import io.vigil.standalone.commands.CliRun;
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

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.vigil.sink.testing.Assessments.assessment;
import static io.vigil.sink.testing.Assessments.victimCase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the sink against every kind of caller: no token, an expired token, a token for another audience,
 * a viewer, a moderator and a senior, each with the status the route's access rule gives. A route added without a row
 * here fails {@link #theTableCoversEveryRouteOfTheSink}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SinkAccessTableTest {

    enum Caller { NO_TOKEN, EXPIRED, WRONG_AUDIENCE, VIEWER, MODERATOR, SENIOR }

    private static final String ITEM = "telegram:chat-t:m1";
    private static final String ABSENT = "telegram:chat-t:absent";
    private static final int[] SIGNED_IN = {401, 401, 401, 200, 200, 200};
    private static final int[] PUBLIC_OK = {200, 200, 200, 200, 200, 200};
    /** State changes tried on an item that does not exist: past the access rule, the queue state says 404. */
    private static final int[] ACTS = {401, 401, 401, 403, 404, 404};
    private static final int[] PEER_ONLY = {401, 401, 401, 401, 401, 401};

    private record Row(String method, String route, String path, String body, int[] expected) {
    }

    private static final List<Row> TABLE = List.of(
            new Row("GET", "/", "/", null, new int[]{302, 302, 302, 302, 302, 302}),
            new Row("GET", "/api/settings", "/api/settings", null, PUBLIC_OK),
            new Row("GET", "/api/me", "/api/me", null, SIGNED_IN),
            new Row("POST", "/api/login", "/api/login", "{}", SIGNED_IN),
            new Row("GET", "/api/alerts", "/api/alerts", null, SIGNED_IN),
            new Row("GET", "/api/queues", "/api/queues", null, SIGNED_IN),
            new Row("GET", "/api/queues/{queue}/items", "/api/queues/urgent/items", null, SIGNED_IN),
            new Row("GET", "/api/cases", "/api/cases", null, SIGNED_IN),
            new Row("GET", SinkRoutes.FEED_PATH, SinkRoutes.FEED_PATH, null, SIGNED_IN),
            new Row("GET", "/api/media/{chatId}/{itemId}/{index}", "/api/media/chat-t/" + ITEM + "/0", null, SIGNED_IN),
            new Row("POST", "/api/items/{itemId}/media/{index}/reveal", "/api/items/" + ABSENT + "/media/0/reveal",
                    "{\"chatId\":\"chat-t\",\"reason\":\"check the match\"}", ACTS),
            new Row("POST", "/api/items/{itemId}/reveal-requests", "/api/items/" + ABSENT + "/reveal-requests",
                    "{\"chatId\":\"chat-t\",\"queue\":\"urgent\",\"reason\":\"check the match\"}", ACTS),
            new Row("POST", "/api/items/{itemId}/reveal-approvals", "/api/items/" + ABSENT + "/reveal-approvals",
                    "{\"chatId\":\"chat-t\",\"queue\":\"urgent\",\"moderatorId\":\"bob\"}", ACTS),
            new Row("POST", "/api/items/{itemId}/claim", "/api/items/" + ABSENT + "/claim", "{\"chatId\":\"chat-t\",\"queue\":\"urgent\"}", ACTS),
            new Row("POST", "/api/items/{itemId}/release", "/api/items/" + ABSENT + "/release", "{\"chatId\":\"chat-t\",\"queue\":\"urgent\"}", ACTS),
            new Row("POST", "/api/items/{itemId}/escalate", "/api/items/" + ABSENT + "/escalate",
                    "{\"chatId\":\"chat-t\",\"queue\":\"urgent\",\"reason\":\"needs a senior\"}", ACTS),
            new Row("POST", "/api/items/{itemId}/decision", "/api/items/" + ABSENT + "/decision",
                    "{\"chatId\":\"chat-t\",\"queue\":\"urgent\",\"action\":\"CONFIRMED_REMOVE\"}", ACTS),
            new Row("POST", "/api/cases/{caseId}/claim", "/api/cases/case:absent/claim", "{}", ACTS),
            new Row("POST", "/api/cases/{caseId}/decision", "/api/cases/case:absent/decision", "{\"action\":\"CONFIRMED_REMOVE\"}", ACTS),
            new Row("GET", "/api/internal/queue-state", "/api/internal/queue-state", null, PEER_ONLY),
            new Row("GET", "/api/internal/queue-state/{itemId}", "/api/internal/queue-state/" + ITEM, null, PEER_ONLY),
            new Row("GET", "/api/internal/outcomes/{commandId}", "/api/internal/outcomes/00000000-0000-4000-8000-000000000000", null, PEER_ONLY),
            new Row("GET", "/index.html", "/index.html", null, PUBLIC_OK),
            new Row("GET", "/app.js", "/app.js", null, PUBLIC_OK),
            new Row("GET", "/metrics", "/metrics", null, PUBLIC_OK),
            new Row("GET", "/health", "/health", null, PUBLIC_OK),
            new Row("GET", "/health/ready", "/health/ready", null, PUBLIC_OK));

    @TempDir
    static Path dataDir;

    private SinkUnderTest env;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    void start() throws Exception {
        env = new SinkUnderTest(dataDir);
        env.assess(assessment("chat-t", "m1", "sender-1", 0.95, victimCase("v-1", 50_000), ContentCategory.NCII));
    }

    @AfterAll
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    Stream<Arguments> everyRouteForEveryCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Row row : TABLE) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(row.method() + " " + row.route(), caller, row.expected()[caller.ordinal()]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("everyRouteForEveryCaller")
    void everyRouteAnswersEachCallerAsItsRuleSays(String route, Caller caller, int expected) throws Exception {
        Row row = TABLE.stream().filter(r -> (r.method() + " " + r.route()).equals(route)).findFirst().orElseThrow();

        assertThat(status(row.method(), row.path(), row.body(), token(caller))).as("%s as %s", route, caller).isEqualTo(expected);
    }

    @Test
    void aPathWithoutARouteIsNotFoundForEveryone() throws Exception {
        assertThat(status("GET", "/api/nothing-here", null, env.token("sam", "senior"))).isEqualTo(404);
        assertThat(status("GET", "/secret.txt", null, null)).isEqualTo(404);
    }

    @Test
    void theTableCoversEveryRouteOfTheSink() {
        SinkConfig config = io.vigil.sink.SinkTopologyTestSupport.config();
        Set<String> routes = new HashSet<>();
        new SinkRoutes(new SinkRoutes.Services(null, null, null, null, null, null, null), config.routing(), config.work(),
                config.access().queueAccess(), new SimpleMeterRegistry(), Clock.systemUTC()).table()
                .forEach(r -> routes.add(r.method().name() + " " + r.path()));
        routes.add("GET " + SinkRoutes.FEED_PATH);

        assertThat(TABLE.stream().map(r -> r.method() + " " + r.route()).toList()).containsAll(routes);
    }

    @Test
    void peersReadTheQueueStateWithTheServiceCredentialOnly() throws Exception {
        HttpResponse<String> withSecret = http.send(HttpRequest.newBuilder(URI.create(env.page() + "/api/internal/queue-state"))
                .header("X-Vigil-Peer-Secret", SinkUnderTest.PEER_SECRET).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongSecret = http.send(HttpRequest.newBuilder(URI.create(env.page() + "/api/internal/queue-state"))
                .header("X-Vigil-Peer-Secret", SinkUnderTest.PEER_SECRET.replace('0', '1')).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withSecret.statusCode()).isEqualTo(200);
        assertThat(withSecret.body()).contains(ITEM);
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
    }

    @Test
    void aQueueConfiguredForOtherRolesIsRefused() throws Exception {
        assertThat(env.get("/api/queues/csam/items", env.token("mo", "moderator")).statusCode()).isEqualTo(403);
        assertThat(env.get("/api/queues/csam/items", env.token("cs", "child-safety")).statusCode()).isEqualTo(200);
        assertThat(env.get("/api/queues/senior/items", env.token("mo", "moderator")).statusCode()).isEqualTo(403);
        assertThat(env.get("/api/me", env.token("mo", "moderator")).body()).doesNotContain("csam").doesNotContain("\"senior\"");
    }

    @Test
    void stateChangesTakeJsonOnlyAndIdentifiersAreCheckedBeforeUse() throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(env.page() + "/api/items/" + ITEM + "/claim"))
                .header("Authorization", "Bearer " + env.token("mo", "moderator"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("chatId=chat-t&queue=urgent")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forged = env.post("/api/items/telegram:chat-t:m1%0Aforged%20line/claim", env.token("mo", "moderator"),
                "{\"chatId\":\"chat-t\",\"queue\":\"urgent\"}");

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(forged.statusCode()).isEqualTo(400);
    }

    @Test
    void vigilTokenMintsWithTheDemoIssuersKeyAndTheSinkAcceptsIt() throws Exception {
        CliRun minted = CliRun.of("token", "--role", "senior", "--user", "sam", "--data-dir", dataDir.toString(),
                "--issuer", env.issuer.issuer());
        CliRun unknownRole = CliRun.of("token", "--role", "superuser", "--user", "sam", "--data-dir", dataDir.toString());

        assertThat(minted.exitCode()).isZero();
        assertThat(env.get("/api/me", minted.out().strip()).body()).contains("\"subject\":\"sam\"", "\"senior\"");
        assertThat(unknownRole.exitCode()).isEqualTo(2);
    }

    @Test
    void theAuditLogIsReadWithAnAdminsTokenOnlyAndTheReadIsItselfAudited() throws Exception {
        assertThat(env.post("/api/login", env.token("alice", "moderator"), "{}").statusCode()).isEqualTo(200);
        String[] common = {"audit", "--from", "2020-01-01", "--bootstrap-servers", env.kafka.bootstrapServers(),
                "--issuer", env.issuer.issuer(), "--audience", DemoIssuer.AUDIENCE};

        CliRun moderator = CliRun.of(with(common, "--token", env.token("alice", "moderator")));
        CliRun expired = CliRun.of(with(common, "--token", env.issuer.minter().accessToken("root", List.of("admin"), DemoIssuer.AUDIENCE,
                Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(30))));
        CliRun admin = CliRun.of(with(common, "--token", env.token("root", "admin")));
        CliRun again = CliRun.of(with(common, "--token", env.token("root", "admin")));

        assertThat(moderator.exitCode()).isEqualTo(3);
        assertThat(moderator.err()).contains("do not allow");
        assertThat(expired.exitCode()).isEqualTo(3);
        assertThat(expired.err()).contains("Expired");
        assertThat(admin.exitCode()).as(admin.err()).isZero();
        assertThat(admin.outLines()).anySatisfy(line -> assertThat(line).contains("\"actor\":\"alice\"", "\"action\":\"login\""));
        assertThat(again.outLines()).anySatisfy(line -> assertThat(line).contains("\"actor\":\"root\"", "\"action\":\"audit_read\""));
    }

    private static String[] with(String[] common, String... more) {
        String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        var otherKey = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(env.issuer.minter().publicKey().getKeyID()).generate();
        String forged = new TokenMinter(otherKey, env.issuer.issuer()).accessToken("mallory", List.of("senior"), DemoIssuer.AUDIENCE,
                Instant.now(), Duration.ofMinutes(5));

        assertThat(env.get("/api/cases", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void everyAnswerCarriesAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = env.get("/index.html", null);
        assertThat(page.statusCode()).isEqualTo(200);

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "connect-src 'self' " + env.issuer.issuer())
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private String token(Caller caller) {
        TokenMinter minter = env.issuer.minter();
        Instant now = Instant.now();
        return switch (caller) {
            case NO_TOKEN -> null;
            case EXPIRED -> minter.accessToken("alice", List.of("moderator"), DemoIssuer.AUDIENCE, now.minus(Duration.ofHours(1)),
                    Duration.ofMinutes(30));
            case WRONG_AUDIENCE -> minter.accessToken("alice", List.of("moderator"), "another-api", now, Duration.ofMinutes(30));
            case VIEWER -> env.token("val", "viewer");
            case MODERATOR -> env.token("alice", "moderator");
            case SENIOR -> env.token("sam", "senior");
        };
    }

    private int status(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(env.page() + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if ("POST".equals(method)) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        // Status and headers only: the live feed's body never ends.
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }
}
