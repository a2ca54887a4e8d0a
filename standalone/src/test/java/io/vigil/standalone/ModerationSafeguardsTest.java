package io.vigil.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.steps.DetectionAssembly;
import io.vigil.runtime.streams.ServiceRunner;
import io.vigil.schemas.AuditAction;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.TextSignal;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.sink.SinkConfig;
import io.vigil.standalone.identity.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vigil.sink.testing.Assessments.assessment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The moderation safeguards over real HTTP against a sink on a real broker: the card's text masked by the real
 * detector (no raw phone number in the item, the API or the page), per-person limits on decisions and reveals answered
 * with 429, a decision whose verdict is late answered 202 and applied all the same, the trusted-proxy mode refusing
 * what lacks its shared secret, and the blur and grayscale preferences kept per moderator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationSafeguardsTest {

    /** Synthetic personal data (a fictional number); it must never reach the sink in clear. */
    private static final String PHONE = "612 34 56 78";
    private static final String TEXT = "la de la foto, su número es " + PHONE + ", escribidle";
    private static final String DOXXING = "telegram:chat-d:d1";
    private static final String PROXY_SECRET = "proxy-secret-of-the-test-sink-0123456789";
    private static final String PROXY_SECRET_HEADER = "X-Vigil-Proxy-Secret";

    @TempDir
    static Path dataDir;

    private SinkUnderTest env;
    private ServiceRunner<SinkConfig> proxied;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void start() throws Exception {
        env = new SinkUnderTest(dataDir, Map.of("work.decisions-per-minute", "2", "work.reveals-per-minute", "1"));
        env.assess(doxxing("chat-d", "d1"));
        for (String id : List.of("l1", "l2", "l3", "l4")) {
            env.assess(assessment("chat-l", id, "sender-1", 0.95, null, ContentCategory.NCII));
        }
        env.assess(assessment("chat-r", "r1", "sender-2", 0.95, null, ContentCategory.NCII));
        env.assess(assessment("chat-p", "p1", "sender-3", 0.95, null, ContentCategory.NCII));
        // A second sink behind a (simulated) SSO proxy: its own consumer group and state, the same broker.
        proxied = env.startSink("proxied", SinkUnderTest.freePort(), Map.of("auth.mode", "proxy", "auth.proxy.secret", PROXY_SECRET,
                "kafka.application-id", "vigil-sink-proxied"));
    }

    @AfterAll
    void stop() {
        if (proxied != null) {
            proxied.close();
        }
        if (env != null) {
            env.close();
        }
    }

    /** An assessment whose text signal the real detector wrote: its doxxing scan and its Detection assembly. */
    private static RiskAssessment doxxing(String chatId, String messageId) {
        DoxxingDetector detector = DoxxingDetector.create(DoxxingConfig.defaults("safeguards-test-secret".getBytes(StandardCharsets.UTF_8)));
        MessageEvent event = MessageEvent.newBuilder().setPlatform("telegram").setChatId(chatId).setMessageId(messageId)
                .setSenderId("sender-9").setSentAt(io.vigil.sink.testing.Assessments.SENT).setText(TEXT).build();
        MessageAnalysis analysis = MessageAnalysis.of(event, Optional.empty(), List.of())
                .withText(detector.scan(TEXT, Optional.of("ES"), true));
        TextSignal text = new DetectionAssembly(Clock.systemUTC()).assemble(analysis).getText();
        RiskAssessment assessment = assessment(chatId, messageId, "sender-9", 0.95, null, ContentCategory.DOXXING);
        assessment.getDetection().setText(text);
        return assessment;
    }

    @Test
    void theCardShowsTheMessageTextWithThePhoneNumberMaskedAndNoRawNumberReachesTheApi() throws Exception {
        String cases = env.get("/api/cases", env.token("alice", "moderator")).body();
        String alerts = env.get("/api/alerts", env.token("alice", "moderator")).body();
        JsonNode item = item(json.readTree(cases), DOXXING);

        assertThat(item.path("item").path("maskedText").asText()).startsWith("la de la foto, su número es ").endsWith(", escribidle")
                .contains("•").doesNotContain(PHONE);
        for (String body : List.of(cases, alerts)) {
            assertThat(body).contains("la de la foto").doesNotContain(PHONE).doesNotContain("612345678").doesNotContain("34 56 78");
        }
        List<QueueItem> queued = env.topics.readCommitted(Topics.queue("urgent").name(), AvroSerde.of(QueueItem.class), 7,
                SinkUnderTest.TIMEOUT);
        // The proxied sink (its own consumer group) routes the same assessments too: every copy is masked.
        assertThat(queued).filteredOn(q -> q.getItemId().equals(DOXXING)).isNotEmpty().allSatisfy(q -> assertThat(q.getMaskedText())
                .isEqualTo(item.path("item").path("maskedText").asText()));
        assertThat(queued.toString()).doesNotContain(PHONE).doesNotContain("612345678");
    }

    @Test
    void decisionsBeyondAPersonsAllowanceAreAnswered429AndOthersAreNotHeldBack() throws Exception {
        int first = decide("lena", "chat-l", "telegram:chat-l:l1").statusCode();
        int second = decide("lena", "chat-l", "telegram:chat-l:l2").statusCode();
        HttpResponse<String> third = decide("lena", "chat-l", "telegram:chat-l:l3");
        int someoneElse = decide("omar", "chat-l", "telegram:chat-l:l4").statusCode();

        assertThat(List.of(first, second)).as("within the allowance of 2 a minute").allSatisfy(s -> assertThat(s).isIn(200, 202));
        assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
        assertThat(third.body()).contains("too many decisions");
        assertThat(someoneElse).as("the limit is per person").isIn(200, 202);
        await().atMost(SinkUnderTest.TIMEOUT).untilAsserted(() ->
                assertThat(item(casesNow(), "telegram:chat-l:l3").path("decision").isNull()).as("the refused decision changed nothing").isTrue());
    }

    @Test
    void revealsBeyondAPersonsAllowanceAreAnswered429AndOnlyTheAllowedOneIsAudited() throws Exception {
        String body = "{\"chatId\":\"chat-r\",\"reason\":\"compare with the bank entry\"}";
        HttpResponse<String> first = env.post("/api/items/telegram:chat-r:r1/media/0/reveal", env.token("sara", "senior"), body);
        HttpResponse<String> second = env.post("/api/items/telegram:chat-r:r1/media/0/reveal", env.token("sara", "senior"), body);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
        assertThat(second.body()).contains("too many reveals").doesNotContain("JFIF");
        await().atMost(SinkUnderTest.TIMEOUT).untilAsserted(() -> assertThat(env.topics.readCommitted(Topics.AUDIT_LOG.name(),
                AvroSerde.of(AuditRecord.class), 1, SinkUnderTest.TIMEOUT)).filteredOn(r -> r.getAction() == AuditAction.REVEAL)
                .filteredOn(r -> "sara".equals(r.getActor())).extracting(AuditRecord::getAuditId)
                // The proxied sink of this class is a second deployment on the same topics and audits every command
                // again under the same audit id; what matters is that one reveal, and only one, was audited.
                .isNotEmpty().satisfies(ids -> assertThat(java.util.Set.copyOf(ids)).as("distinct reveals audited").hasSize(1)));
    }

    @Test
    void aDecisionWhoseVerdictIsLateIsAnswered202PendingAndIsAppliedAllTheSame() throws Exception {
        env.sink.streams().pause();
        HttpResponse<String> pending;
        try {
            pending = decide("pat", "chat-p", "telegram:chat-p:p1");
        } finally {
            env.sink.streams().resume();
        }

        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(202);
        JsonNode answer = json.readTree(pending.body());
        assertThat(answer.path("status").asText()).isEqualTo("pending");
        assertThat(answer.path("commandId").asText()).matches("[0-9a-f-]{36}");
        await().atMost(SinkUnderTest.TIMEOUT).untilAsserted(() -> assertThat(item(casesNow(), "telegram:chat-p:p1")
                .path("decision").path("moderatorId").asText()).as("the recorded command is applied once the topology runs").isEqualTo("pat"));
    }

    @Test
    void theTrustedProxyModeRefusesEveryRequestWithoutItsSharedSecret() throws Exception {
        String base = "http://127.0.0.1:" + proxied.httpPort();
        Map<String, String> claimsAdmin = Map.of("X-Forwarded-User", "mallory", "X-Forwarded-Roles", "admin");

        assertThat(status(base + "/api/me", claimsAdmin)).as("headers alone").isEqualTo(401);
        assertThat(status(base + "/api/me", with(claimsAdmin, PROXY_SECRET_HEADER, PROXY_SECRET.replace('0', '1'))))
                .as("a wrong secret").isEqualTo(401);
        assertThat(status(base + "/api/cases", Map.of("Authorization", "Bearer " + env.token("alice", "moderator"))))
                .as("a valid bearer token does not replace the proxy").isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/items/telegram:chat-p:p1/decision"))
                .headers("X-Forwarded-User", "mallory", "X-Forwarded-Roles", "senior", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"chatId\":\"chat-p\",\"queue\":\"urgent\",\"action\":\"DISMISSED_NO_ACTION\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("a decision without the secret").isEqualTo(401);

        HttpResponse<String> through = http.send(request(base + "/api/me", Map.of(PROXY_SECRET_HEADER, PROXY_SECRET,
                "X-Forwarded-User", "alice", "X-Forwarded-Roles", "moderator")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(through.statusCode()).isEqualTo(200);
        assertThat(through.body()).contains("\"subject\":\"alice\"", "\"moderator\"");
    }

    @Test
    void theCardShowsTheMaskedTextAndEachModeratorKeepsTheirOwnBlurAndGrayscale() throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = BrowserLogin.signIn(browser, env.page() + "/", user("alice"), SinkUnderTest.TIMEOUT);
            String card = ".item[data-item-id='" + DOXXING + "']";
            wait.until(d -> !d.findElements(By.cssSelector(card + " .message-text")).isEmpty()
                    && d.findElement(By.cssSelector(card + " .message-text")).isDisplayed());
            assertThat(browser.findElement(By.cssSelector(card + " .message-text")).getText())
                    .startsWith("la de la foto, su número es ").contains("•").doesNotContain(PHONE);
            assertThat(browser.getPageSource()).doesNotContain(PHONE).doesNotContain("612345678");

            assertThat(previewFilter(browser, card)).isEqualTo("blur(6px)");
            browser.findElement(By.id("pref-grayscale")).click();
            browser.executeScript("const r = document.getElementById('pref-blur'); r.value = 14; r.dispatchEvent(new Event('input'));");
            wait.until(d -> previewFilter(browser, card).equals("blur(14px) grayscale(1)"));
            browser.navigate().refresh();
            wait.until(d -> !d.findElements(By.cssSelector(card + " img.blurred-preview")).isEmpty()
                    && previewFilter(browser, card).equals("blur(14px) grayscale(1)"));

            browser.findElement(By.id("sign-out")).click();
            wait = BrowserLogin.signIn(browser, env.page() + "/", user("bob"), SinkUnderTest.TIMEOUT);
            wait.until(d -> !d.findElements(By.cssSelector(card + " img.blurred-preview")).isEmpty());
            assertThat(previewFilter(browser, card)).as("another moderator's preferences are their own").isEqualTo("blur(6px)");
        } finally {
            browser.quit();
        }
    }

    private static String previewFilter(ChromeDriver browser, String card) {
        WebElement preview = browser.findElement(By.cssSelector(card + " img.blurred-preview"));
        return (String) browser.executeScript("return getComputedStyle(arguments[0]).filter", preview);
    }

    private DemoUsers.User user(String name) {
        return env.issuer.users().get(name).orElseThrow();
    }

    private HttpResponse<String> decide(String moderator, String chatId, String itemId) throws Exception {
        return env.post("/api/items/" + itemId + "/decision", env.token(moderator, "moderator"),
                "{\"chatId\":\"" + chatId + "\",\"queue\":\"urgent\",\"action\":\"CONFIRMED_REMOVE\"}");
    }

    private JsonNode casesNow() throws Exception {
        return json.readTree(env.get("/api/cases", env.token("fixture", "admin")).body());
    }

    /** The item view of one item among the cases. */
    private static JsonNode item(JsonNode cases, String itemId) {
        for (JsonNode kase : cases.path("cases")) {
            for (JsonNode item : kase.path("items")) {
                if (itemId.equals(item.path("item").path("itemId").asText())) {
                    return item;
                }
            }
        }
        throw new AssertionError("no item " + itemId + " in " + cases);
    }

    private int status(String url, Map<String, String> headers) throws Exception {
        return http.send(request(url, headers).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static HttpRequest.Builder request(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return request;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        var all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
