package io.vigil.standalone.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.detector.hashing.Digests;
import io.vigil.enricher.EnricherConfig;
import io.vigil.standalone.commands.CliRun;
import io.vigil.standalone.demo.DemoExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.vigil.ingest.telegram.export.ExportFixtures.chat;
import static io.vigil.ingest.telegram.export.ExportFixtures.message;
import static io.vigil.ingest.telegram.export.ExportFixtures.service;
import static io.vigil.ingest.telegram.export.ExportFixtures.singleChat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vigil backtest} end to end: the private broker and the three services as the demo runs them, two policies over
 * the same exports, and the comparison of their results.
 */
class BacktestCommandTest {

    private static final long T0 = 1_767_225_600L;
    /** Synthetic personal data (a fictional number and address), as in the pipeline's own end-to-end test. */
    private static final String PHONE = "612 34 56 78";
    private static final String DOXXING = "la de la foto, su número es " + PHONE + " y vive en Calle de Alcalá 123, 28009 Madrid, escribidle";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aBacktestAssessesEveryReplayedMessageAndASecondPolicyShowsWhatMoved() throws Exception {
        Path exports = exports();
        Path bank = Files.writeString(dir.resolve("bank.txt"), Digests.sha256Hex(jpeg()) + "\n");
        Path first = dir.resolve("default.jsonl");
        Path second = dir.resolve("lenient.jsonl");

        Path groups = Files.writeString(dir.resolve("groups.jsonl"), "{\"chatId\": \"-1007500000001\", \"memberCount\": 900}\n"
                + "{\"chatId\": \"-1007500000002\", \"memberCount\": 600}\n");
        CliRun run = CliRun.of("backtest", "--telegram-export", exports.toString(), "--groups", groups.toString(), "--out", first.toString(),
                "--bank", "test-ncii:ncii:platform:SHA256=" + bank,
                "--data-dir", dir.resolve("run1").toString(), "--hmac-secret-file", dir.resolve("secret").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("backtest: 5 message(s) assessed, 0 dead-lettered");
        List<JsonNode> lines = Files.readAllLines(first).stream().map(BacktestCommandTest::json).toList();
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("message")).extracting(l -> l.get("messageId").asText())
                .containsExactly("2", "3", "4", "1", "5");
        JsonNode doxxing = lines.stream().filter(l -> l.path("messageId").asText().equals("3")).findFirst().orElseThrow();
        assertThat(doxxing.get("chatId").asText()).isEqualTo("-1007500000001");
        assertThat(doxxing.get("doxxing").asBoolean()).isTrue();
        assertThat(doxxing.get("queue").asText()).isEqualTo("doxxing");
        assertThat(doxxing.get("level").asText()).isIn("high", "critical");
        assertThat(doxxing.get("entities")).extracting(e -> e.get("type").asText()).contains("PHONE");
        assertThat(doxxing.get("reasons")).extracting(JsonNode::asText).contains("doxxing");
        JsonNode benign = lines.stream().filter(l -> l.path("messageId").asText().equals("2")).findFirst().orElseThrow();
        assertThat(benign.get("level").asText()).isEqualTo("none");
        assertThat(benign.get("queue").isNull()).isTrue();
        JsonNode edited = lines.stream().filter(l -> l.path("messageId").asText().equals("4")).findFirst().orElseThrow();
        assertThat(edited.get("sentAt").asText()).isEqualTo("2026-01-01T00:00:30Z");
        assertThat(lines).filteredOn(l -> l.path("messageId").asText().equals("5") || l.path("chatId").asText().equals("-1007500000002"))
                .as("the banked picture, in both chats").hasSize(2)
                .allSatisfy(l -> assertThat(l.get("reasons")).extracting(JsonNode::asText).contains("bank_match"));
        JsonNode banked = lines.stream().filter(l -> l.path("messageId").asText().equals("5")).findFirst().orElseThrow();
        String cluster = banked.get("mediaClusters").get(0).asText();
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("spread")).singleElement().satisfies(spread -> {
            assertThat(spread.get("clusterId").asText()).isEqualTo(cluster);
            assertThat(spread.get("chats")).extracting(JsonNode::asText).containsExactly("-1007500000001", "-1007500000002");
            assertThat(spread.get("sightings").asLong()).isEqualTo(2);
            assertThat(spread.get("reach").asLong()).as("both chats' members, from the groups file").isEqualTo(1_500);
        });
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("case")).extracting(l -> l.get("caseId").asText())
                .as("the picture's case and the doxxed person's: nothing links them").containsExactlyInAnyOrder(
                        banked.get("caseId").asText(), doxxing.get("caseId").asText());
        assertThat(lines).filteredOn(l -> l.path("caseId").asText().equals(banked.get("caseId").asText()) && l.get("kind").asText().equals("case"))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("messages")).extracting(JsonNode::asText).containsExactly("-1007500000002:1", "-1007500000001:5");
                    assertThat(c.get("chats")).extracting(JsonNode::asText).containsExactly("-1007500000001", "-1007500000002");
                    assertThat(c.get("reach").asLong()).isEqualTo(1_500);
                });
        assertThat(lines).filteredOn(l -> l.path("caseId").asText().equals(doxxing.get("caseId").asText()) && l.get("kind").asText().equals("case"))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("messages")).extracting(JsonNode::asText).containsExactly("-1007500000001:3");
                    assertThat(c.get("reach").asLong()).isEqualTo(900);
                });
        assertThat(lines).noneMatch(l -> l.get("kind").asText().equals("lineage"));
        assertThat(Files.readString(first)).doesNotContain(PHONE).doesNotContain("Alcalá").doesNotContain("escribidle");
        assertThat(dir.resolve("run1/logs/kafka.log")).isRegularFile();
        assertThat(Files.readString(dir.resolve("run1/logs/kafka.log"))).contains("INFO");

        CliRun lenient = CliRun.of("backtest", "--telegram-export", exports.toString(), "--out", second.toString(),
                "--bank", "test-ncii:ncii:platform:SHA256=" + bank,
                "--policy", lenientOnDoxxing().toString(), "--compare", first.toString(),
                "--hmac-secret-file", dir.resolve("secret").toString());

        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("compared with " + first + ": 1 of 5 message(s) moved")
                .contains("-1007500000001:3  level " + doxxing.get("level").asText() + " -> low  queue doxxing -> none");
    }

    @Test
    void theDemosShippedExportShowsSpreadTheCaseAndTheRecreationThroughTheRealServices() throws Exception {
        Path export = DemoExport.writeTo(dir.resolve("demo"));
        Path out = dir.resolve("demo.jsonl");
        List<String> args = new java.util.ArrayList<>(List.of("backtest", "--groups", DemoExport.groups(export).toString(), "--out", out.toString(),
                "--hmac-secret-file", dir.resolve("secret").toString()));
        DemoExport.exports(export).forEach(e -> args.addAll(List.of("--telegram-export", e.toString())));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<JsonNode> lines = Files.readAllLines(out).stream().map(BacktestCommandTest::json).toList();
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("message")).hasSize(23);
        String shared = lineOf(lines, "-1001000000101", "3").get("mediaClusters").get(0).asText();
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("spread") && l.get("clusterId").asText().equals(shared))
                .as("the channel's picture, forwarded, re-uploaded and posted in the old and the re-created group").singleElement()
                .satisfies(spread -> {
                    assertThat(spread.get("chats")).extracting(JsonNode::asText)
                            .containsExactly("-1001000000101", "-1001000000102", "-1001000000103", "-1001000000104");
                    assertThat(spread.get("sightings").asLong()).isEqualTo(5);
                    assertThat(spread.get("reach").asLong()).as("81,300 + 48,200 + 23,900 + 9,400 members").isEqualTo(162_800);
                });
        String victim = lineOf(lines, "-1001000000102", "14").get("caseId").asText();
        assertThat(List.of(lineOf(lines, "-1001000000103", "5"), lineOf(lines, "-1001000000102", "12"), lineOf(lines, "-1001000000104", "37")))
                .as("the made-up number in other notations, in three groups").allSatisfy(m -> {
                    assertThat(m.get("doxxing").asBoolean()).isTrue();
                    assertThat(m.get("caseId").asText()).isEqualTo(victim);
                });
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("case") && l.get("caseId").asText().equals(victim)).singleElement()
                .satisfies(c -> {
                    assertThat(c.get("messages")).extracting(JsonNode::asText)
                            .contains("-1001000000103:5", "-1001000000102:12", "-1001000000102:14", "-1001000000104:37");
                    assertThat(c.get("chats")).extracting(JsonNode::asText).containsExactly("-1001000000102", "-1001000000103", "-1001000000104");
                    assertThat(c.get("reach").asLong()).as("48,200 + 23,900 + 9,400 members").isEqualTo(81_500);
                });
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("lineage")).singleElement().satisfies(l -> {
            assertThat(l.get("chatId").asText()).isEqualTo("-1001000000104");
            assertThat(l.get("predecessorChatId").asText()).isEqualTo("-1001000000103");
            assertThat(l.get("relation").asText()).isEqualTo("recreation");
            assertThat(l.get("evidence")).extracting(JsonNode::asText).contains("same_owner", "shared_admins", "same_photo", "after_takedown");
            assertThat(l.get("score").asDouble()).as("1 - (1 - 0.45)(1 - 0.35/2)(1 - 0.3)(1 - 0.15), at least").isGreaterThanOrEqualTo(0.73);
        });
        assertThat(lines).as("the benign market").filteredOn(l -> l.path("chatId").asText().equals("-1001000000105"))
                .allSatisfy(m -> assertThat(m.get("level").asText()).isEqualTo("none"))
                .allSatisfy(m -> assertThat(m.get("caseId").isNull()).isTrue());
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("spread"))
                .noneSatisfy(spread -> assertThat(spread.get("chats")).extracting(JsonNode::asText).contains("-1001000000105"));
    }

    @Test
    void aPolicyTheEnricherCannotUseStopsTheBacktestWithStatusTwoAndSaysWhy() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken-policy.yaml"), "version: broken\nlevels: {low: 0.9, medium: 0.4}\nrules: []\n");

        CliRun run = CliRun.of("backtest", "--telegram-export", exports().toString(), "--policy", broken.toString(),
                "--out", dir.resolve("never.jsonl").toString(), "--hmac-secret-file", dir.resolve("secret").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("policy.file").contains(broken.toString());
        assertThat(dir.resolve("never.jsonl")).doesNotExist();
    }

    private static JsonNode lineOf(List<JsonNode> lines, String chat, String id) {
        return lines.stream().filter(l -> l.get("kind").asText().equals("message") && l.get("chatId").asText().equals(chat)
                && l.get("messageId").asText().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no line of " + chat + ":" + id));
    }

    /** The built-in policy with the doxxing detector's finding weighed 0.3 instead of 0.75. */
    private Path lenientOnDoxxing() throws Exception {
        String builtIn;
        try (InputStream in = EnricherConfig.class.getResourceAsStream("/policy/default-policy.yaml")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String doxxingRule = "    when: {doxxing: true}\n    severity: 0.75\n";
        assertThat(builtIn).contains(doxxingRule);
        return Files.writeString(dir.resolve("lenient-policy.yaml"), builtIn.replace(doxxingRule, "    when: {doxxing: true}\n    severity: 0.3\n"));
    }

    /** Two chats: a repost of one image, a doxxing message, an edit, service messages (which need no line). */
    private Path exports() throws Exception {
        Path exports = Files.createDirectories(dir.resolve("exports"));
        byte[] photo = jpeg();
        Path a = exports.resolve("ChatExport_a");
        Files.createDirectories(a.resolve("photos"));
        Files.write(a.resolve("photos/photo_1@01-01-2026_00-00-00.jpg"), photo);
        Path b = exports.resolve("ChatExport_b");
        Files.createDirectories(b.resolve("photos"));
        Files.write(b.resolve("photos/photo_1@01-01-2026_00-02-00.jpg"), photo);
        Map<String, Object> first = message(2, T0 + 10, "Ana", "user101", "hola, mirad");
        Map<String, Object> repost = message(1, T0 + 120, "Bea", "user102", "");
        repost.put("photo", "photos/photo_1@01-01-2026_00-02-00.jpg");
        Map<String, Object> edited = message(4, T0 + 30, "Ana", "user101", "corregido");
        edited.put("edited", "2026-01-01T00:05:00");
        edited.put("edited_unixtime", Long.toString(T0 + 300));
        Map<String, Object> original = message(5, T0 + 130, "Ana", "user101", "");
        original.put("photo", "photos/photo_1@01-01-2026_00-00-00.jpg");
        singleChat(exports, "ChatExport_a", chat("Backtest A (test)", "private_supergroup", 7500000001L, List.of(
                service(1, T0, "Ana", "user101", "create_channel", Map.of("title", "Backtest A (test)")),
                first, message(3, T0 + 20, "Carl", "user103", DOXXING), edited, original)));
        singleChat(exports, "ChatExport_b", chat("Backtest B (test)", "private_supergroup", 7500000002L, List.of(repost)));
        return exports;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x3366aa), 320, 240, new Color(0xeecc55)));
        g.fillRect(0, 0, 320, 240);
        g.setColor(Color.WHITE);
        g.fillOval(100, 60, 120, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
