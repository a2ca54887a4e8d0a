package io.vigil.standalone;

import io.vigil.schemas.AuditAction;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.identity.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.vigil.sink.testing.Assessments.assessment;
import static io.vigil.sink.testing.Assessments.victimCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The moderation workflow in a real browser, signed in through the demo's OpenID Connect issuer: a case with its
 * spread and SLA clock, a case claim, a reveal asked with a reason and approved by a senior (all audited), a decision that reaches the enforcement topic
 * and stays decided after a reload, a second moderator's claim conflict, a viewer who cannot decide, and a
 * case-wide decision of what is left open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModerationWorkflowBrowserTest {

    private static final String M1 = "telegram:chat-a:m1";
    private static final String M2 = "telegram:chat-b:m2";
    private static final String REASON = "checking the bank match before removal";

    @TempDir
    static Path dataDir;

    private SinkUnderTest env;

    @BeforeAll
    void start() throws Exception {
        env = new SinkUnderTest(dataDir);
        env.assess(assessment("chat-a", "m1", "sender-7", 0.95, victimCase("v-1", 50_000), ContentCategory.NCII));
        env.assess(assessment("chat-b", "m2", "sender-7", 0.95, victimCase("v-1", 50_000), ContentCategory.NCII));
    }

    @AfterAll
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void aModeratorWorksACaseFromClaimToEnforcementAndOthersSeeIt() throws Exception {
        ChromeDriver browser = Browser.start();
        try {
            WebDriverWait wait = BrowserLogin.signIn(browser, env.page() + "/", user("alice"), SinkUnderTest.TIMEOUT);

            // The case, with its spread, lineage and SLA clock.
            wait.until(d -> !d.findElements(By.cssSelector(".case[data-case-id='case:v-1'] .item")).isEmpty());
            WebElement kase = browser.findElement(By.cssSelector(".case[data-case-id='case:v-1']"));
            assertThat(kase.findElement(By.cssSelector(".spread")).getText()).contains("3 chat(s)", "50,000 members reached", "first seen 2026-11-20");
            assertThat(kase.findElement(By.cssSelector(".lineage")).getText()).contains("re-creates chat-taken-down");
            assertThat(kase.findElements(By.cssSelector(".item"))).hasSize(2);
            assertThat(kase.findElement(By.cssSelector(".head .sla")).getText()).matches("SLA \\d+ min \\d+ s left");
            assertThat(item(browser, M1).findElement(By.cssSelector(".sender")).getText()).contains("2 item(s) in this case");
            assertThat(item(browser, M1).findElement(By.cssSelector(".provenance")).getText()).contains("confirmed by a moderator");

            // Claim the case: both items are alice's.
            kase.findElement(By.cssSelector("button[data-case-command='claim']")).click();
            wait.until(d -> d.findElement(By.cssSelector(".case[data-case-id='case:v-1'] .claim-state")).getText().equals("claimed by alice"));
            assertThat(item(browser, M2).findElement(By.cssSelector(".status")).getText()).isEqualTo("claimed by alice");

            // Reveal m1's original: alice asks with a reason, a senior (sam) approves, then she sees it; all audited.
            item(browser, M1).findElement(By.cssSelector("button.reveal")).click();
            wait.until(d -> d.findElement(By.id("reveal-reason")).isDisplayed());
            browser.findElement(By.id("reveal-reason")).sendKeys(REASON);
            browser.findElement(By.id("reveal-confirm")).click();
            wait.until(d -> item(browser, M1).findElement(By.cssSelector(".reveals")).getText().contains("Reveal requested by alice"));
            assertThat(env.post("/api/items/" + M1 + "/media/0/reveal", env.token("alice", "moderator"),
                    "{\"chatId\":\"chat-a\",\"reason\":\"" + REASON + "\"}").statusCode()).as("not approved yet").isEqualTo(403);
            assertThat(env.post("/api/items/" + M1 + "/reveal-approvals", env.token("sam", "senior"),
                    "{\"chatId\":\"chat-a\",\"queue\":\"urgent\",\"moderatorId\":\"alice\"}").statusCode()).isEqualTo(200);
            wait.until(d -> item(browser, M1).findElement(By.cssSelector(".reveals")).getText().contains("approved for alice by sam"));
            item(browser, M1).findElement(By.cssSelector("button.reveal")).click();
            wait.until(d -> d.findElement(By.id("reveal")).isDisplayed());
            WebElement revealed = browser.findElement(By.id("reveal-image"));
            wait.until(d -> ((Number) browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth", revealed)).intValue() > 0);
            assertThat(((Number) browser.executeScript("return arguments[0].naturalWidth", revealed)).intValue())
                    .as("the original, not the 320 px preview").isEqualTo(640);
            assertThat(browser.findElement(By.id("reveal-countdown")).getText()).startsWith("Hides in");
            browser.findElement(By.id("reveal-hide")).click();
            List<AuditRecord> audit = env.topics.readCommitted(Topics.AUDIT_LOG.name(), AvroSerde.of(AuditRecord.class), 6, SinkUnderTest.TIMEOUT);
            assertThat(audit).anySatisfy(record -> {
                assertThat(record.getAction()).isEqualTo(AuditAction.REVEAL);
                assertThat(record.getActor()).isEqualTo("alice");
                assertThat(record.getItemId()).isEqualTo(M1);
                assertThat(record.getReason()).isEqualTo(REASON);
                assertThat(record.getSourceAddress()).isNotBlank();
            });
            assertThat(audit).extracting(AuditRecord::getAction).contains(AuditAction.LOGIN, AuditAction.CLAIM,
                    AuditAction.REVEAL_REQUEST, AuditAction.REVEAL_APPROVAL);

            // Decide m1: the enforcement command is on its topic, and the item stays decided after a reload.
            item(browser, M1).findElement(By.cssSelector("button[data-decision='CONFIRMED_REMOVE']")).click();
            wait.until(d -> item(browser, M1).findElement(By.cssSelector(".status")).getText().equals("decided: confirmed remove by alice"));
            List<EnforcementAction> enforcement = env.topics.readCommitted(Topics.ENFORCEMENT_ACTIONS.name(),
                    AvroSerde.of(EnforcementAction.class), 1, SinkUnderTest.TIMEOUT);
            assertThat(enforcement).singleElement().satisfies(action -> {
                assertThat(action.getItemId()).isEqualTo(M1);
                assertThat(action.getType()).isEqualTo(EnforcementType.REMOVE_MESSAGE);
                assertThat(action.getSenderId()).isEqualTo("sender-7");
            });
            assertThat(env.topics.readCommitted(Topics.MODERATION_DECISIONS.name(), AvroSerde.of(ModerationDecision.class), 1,
                    SinkUnderTest.TIMEOUT)).singleElement().satisfies(d -> assertThat(d.getMedia()).isNotEmpty());
            browser.navigate().refresh();
            wait.until(d -> !d.findElements(By.cssSelector(".item[data-item-id='" + M1 + "'] .status")).isEmpty()
                    && item(browser, M1).findElement(By.cssSelector(".status")).getText().equals("decided: confirmed remove by alice"));
            assertThat(item(browser, M1).getAttribute("class")).contains("decided");
            Files.write(Path.of("target", "moderation-workflow.png"), browser.getScreenshotAs(OutputType.BYTES));

            // A second moderator: m2 is alice's, so bob's claim is a conflict, shown as such.
            browser.findElement(By.id("sign-out")).click();
            wait = BrowserLogin.signIn(browser, env.page() + "/", user("bob"), SinkUnderTest.TIMEOUT);
            wait.until(d -> !d.findElements(By.cssSelector(".item[data-item-id='" + M2 + "'] button[data-command='claim']")).isEmpty());
            item(browser, M2).findElement(By.cssSelector("button[data-command='claim']")).click();
            wait.until(d -> item(browser, M2).findElement(By.cssSelector(".result")).getText().startsWith("conflict"));
            assertThat(item(browser, M2).findElement(By.cssSelector(".result")).getText()).contains("alice");

            // A viewer sees the work but has no way to decide, and the API refuses if asked directly.
            browser.findElement(By.id("sign-out")).click();
            wait = BrowserLogin.signIn(browser, env.page() + "/", user("val"), SinkUnderTest.TIMEOUT);
            wait.until(d -> !d.findElements(By.cssSelector(".item[data-item-id='" + M2 + "']")).isEmpty());
            assertThat(item(browser, M2).findElements(By.cssSelector("button[data-decision]"))).allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
            assertThat(item(browser, M2).findElements(By.cssSelector("button.reveal"))).isEmpty();
            assertThat(env.post("/api/items/" + M2 + "/decision", env.token("val", "viewer"),
                    "{\"chatId\":\"chat-b\",\"queue\":\"urgent\",\"action\":\"CONFIRMED_REMOVE\"}").statusCode()).isEqualTo(403);
        } finally {
            browser.quit();
        }

        // Deciding the case decides its open items (m2; m1 is decided already), each with its enforcement command.
        var caseDecision = env.post("/api/cases/case:v-1/decision", env.token("alice", "moderator"), "{\"action\":\"CONFIRMED_REMOVE_AND_BAN\"}");
        assertThat(caseDecision.statusCode()).as(caseDecision.body()).isEqualTo(200);
        assertThat(caseDecision.body()).contains(M2).doesNotContain(M1);
        assertThat(env.topics.readCommitted(Topics.ENFORCEMENT_ACTIONS.name(), AvroSerde.of(EnforcementAction.class), 2, SinkUnderTest.TIMEOUT))
                .extracting(EnforcementAction::getItemId, EnforcementAction::getType).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(M1, EnforcementType.REMOVE_MESSAGE),
                        org.assertj.core.groups.Tuple.tuple(M2, EnforcementType.REMOVE_MESSAGE_AND_BAN_SENDER));
        assertThat(env.post("/api/cases/case:v-1/decision", env.token("bob", "moderator"), "{\"action\":\"DISMISSED_NO_ACTION\"}")
                .statusCode()).as("nothing open is left in the case").isEqualTo(404);
        await().atMost(SinkUnderTest.TIMEOUT).untilAsserted(() -> assertThat(env.get("/metrics", null).body())
                .contains("vigil_media_reveals_total").contains("vigil_queue_age_seconds"));
    }

    private DemoUsers.User user(String name) {
        return env.issuer.users().get(name).orElseThrow();
    }

    private static WebElement item(ChromeDriver browser, String itemId) {
        return browser.findElement(By.cssSelector(".item[data-item-id='" + itemId + "']"));
    }
}
