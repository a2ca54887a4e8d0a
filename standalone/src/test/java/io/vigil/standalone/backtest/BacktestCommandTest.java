package io.vigil.standalone.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.detector.hashing.Digests;
import io.vigil.standalone.commands.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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

        CliRun run = CliRun.of("backtest", "--telegram-export", exports.toString(), "--out", first.toString(),
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
        assertThat(Files.readString(first)).doesNotContain(PHONE).doesNotContain("Alcalá").doesNotContain("escribidle");
        assertThat(dir.resolve("run1/logs/kafka.log")).isRegularFile();
        assertThat(Files.readString(dir.resolve("run1/logs/kafka.log"))).contains("INFO");

        CliRun lenient = CliRun.of("backtest", "--telegram-export", exports.toString(), "--out", second.toString(),
                "--bank", "test-ncii:ncii:platform:SHA256=" + bank,
                "--set", "enricher.scoring.category-weights.DOXXING=0.3", "--compare", first.toString(),
                "--hmac-secret-file", dir.resolve("secret").toString());

        assertThat(lenient.exitCode()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("compared with " + first + ": 1 of 5 message(s) moved")
                .contains("-1007500000001:3  level " + doxxing.get("level").asText() + " -> low  queue doxxing -> none");
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
