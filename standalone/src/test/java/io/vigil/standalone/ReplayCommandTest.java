package io.vigil.standalone;

import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.commands.CliRun;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vigil.ingest.telegram.export.ExportFixtures.chat;
import static io.vigil.ingest.telegram.export.ExportFixtures.fullExport;
import static io.vigil.ingest.telegram.export.ExportFixtures.message;
import static io.vigil.ingest.telegram.export.ExportFixtures.service;
import static io.vigil.ingest.telegram.export.ExportFixtures.singleChat;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigil replay} against a real broker: what it writes, that a second run writes nothing, and what it reports. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayCommandTest {

    private static final long T0 = 1_767_225_600L;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private EmbeddedKafka kafka;
    private KafkaTopics topics;

    @BeforeAll
    void start() {
        kafka = TestCluster.start(dir.resolve("kafka"), Topics.all(List.of()), 3);
        topics = new KafkaTopics(kafka.bootstrapServers());
    }

    @AfterAll
    void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private CliRun replay(String... args) {
        List<String> all = new ArrayList<>(List.of("replay", "--bootstrap-servers", kafka.bootstrapServers(),
                "--blob-root", dir.resolve("blobs").toString(), "--timeout", "30"));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private <T> List<T> chatRecords(String topic, Class<T> type, java.util.function.Predicate<T> ofChats, int atLeast) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        List<T> all = (List<T>) topics.readCommitted(topic, AvroSerde.of((Class) type), atLeast, TIMEOUT);
        return all.stream().filter(ofChats).toList();
    }

    @Test
    void aReplayWritesEventsMetadataAndMediaAndASecondReplayOfTheSameExportWritesNothing() throws Exception {
        Path exports = Files.createDirectories(dir.resolve("twice"));
        Path single = exports.resolve("ChatExport_2026-01-02");
        Files.createDirectories(single.resolve("photos"));
        Files.write(single.resolve("photos/photo_1@01-01-2026_00-00-10.jpg"), jpeg());
        Map<String, Object> photo = message(3, T0 + 10, "Ana", "user101", "foto");
        photo.put("photo", "photos/photo_1@01-01-2026_00-00-10.jpg");
        singleChat(exports, "ChatExport_2026-01-02", chat("Quedadas (test)", "public_supergroup", 7100000001L, List.of(
                service(1, T0, "Ana", "user101", "create_channel", Map.of("title", "Quedadas (test)")),
                message(2, T0 + 5, "Ana", "user101", "hola"),
                photo)));
        fullExport(exports, "DataExport_2026-01-03", List.of(
                chat("Mercadillo (test)", "private_supergroup", 7100000002L, List.of(
                        message(10, T0 + 7, "Bea", "user102", "vendo bici"),
                        service(11, T0 + 8, "Bea", "user102", "edit_group_title", Map.of("title", "Mercadillo 2 (test)"))))), List.of());
        Path groups = Files.writeString(dir.resolve("twice-groups.jsonl"),
                "{\"chatId\": \"-1007100000001\", \"memberCount\": 4200, \"adminIds\": [\"user101\"]}\n");

        CliRun first = replay("--telegram-export", exports.toString(), "--groups", groups.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("read 2 file(s): 2 chat(s), 3 message(s), 2 group event(s), 1 media stored")
                .contains("wrote metadata of 2 chat(s) (0 unchanged), 5 event(s) (0 already there)");
        List<MessageEvent> messages = chatRecords(Topics.MESSAGE_EVENTS.name(), MessageEvent.class, m -> m.getChatId().startsWith("-10071"), 4);
        assertThat(messages).extracting(m -> m.getChatId() + ":" + m.getMessageId())
                .containsExactlyInAnyOrder("-1007100000001:2", "-1007100000001:3", "-1007100000002:10");
        MessageEvent withPhoto = messages.stream().filter(m -> m.getMessageId().equals("3")).findFirst().orElseThrow();
        assertThat(dir.resolve("blobs").resolve(withPhoto.getMedia().get(0).getBlobUri().substring("file:///".length()))).isRegularFile();
        List<GroupEvent> groupEvents = chatRecords(Topics.GROUP_EVENTS.name(), GroupEvent.class, e -> e.getChatId().startsWith("-10071"), 2);
        assertThat(groupEvents).extracting(GroupEvent::getKind).containsExactlyInAnyOrder(GroupEventKind.CREATED, GroupEventKind.TITLE_CHANGED);
        List<GroupMetadata> metadata = chatRecords(Topics.GROUP_METADATA.name(), GroupMetadata.class, g -> g.getChatId().startsWith("-10071"), 2);
        assertThat(metadata).filteredOn(g -> g.getChatId().equals("-1007100000001")).singleElement()
                .satisfies(g -> assertThat(g.getMemberCount()).isEqualTo(4200));

        CliRun dryRun = replay("--telegram-export", exports.toString(), "--groups", groups.toString(), "--dry-run");
        assertThat(dryRun.out()).contains("dry run, would write metadata of 0 chat(s) (2 unchanged), 0 event(s) (5 already there)");

        CliRun second = replay("--telegram-export", exports.toString(), "--groups", groups.toString());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("wrote metadata of 0 chat(s) (2 unchanged), 0 event(s) (5 already there)");
        assertThat(chatRecords(Topics.MESSAGE_EVENTS.name(), MessageEvent.class, m -> m.getChatId().startsWith("-10071"), 4)).hasSize(3);
        assertThat(chatRecords(Topics.GROUP_EVENTS.name(), GroupEvent.class, e -> e.getChatId().startsWith("-10071"), 2)).hasSize(2);
        assertThat(chatRecords(Topics.GROUP_METADATA.name(), GroupMetadata.class, g -> g.getChatId().startsWith("-10071"), 2)).hasSize(2);
    }

    @Test
    void aReplayThatCoveredOnlyPartOfTheExportsIsCompletedByRunningItAgain() throws Exception {
        Path exports = Files.createDirectories(dir.resolve("partial"));
        Path a = singleChat(exports, "ChatExport_a", chat("A (test)", "private_supergroup", 7200000001L, List.of(
                message(1, T0, "A", "user201", "uno"), message(2, T0 + 1, "A", "user201", "dos"))));
        Path b = singleChat(exports, "ChatExport_b", chat("B (test)", "private_supergroup", 7200000002L, List.of(
                message(1, T0 + 2, "B", "user202", "tres"))));

        CliRun partial = replay("--telegram-export", a.toString());
        CliRun complete = replay("--telegram-export", a.toString(), "--telegram-export", b.toString(), "--speed", "1000");

        assertThat(partial.out()).contains("2 event(s) (0 already there)");
        assertThat(complete.exitCode()).as(complete.err()).isZero();
        assertThat(complete.out()).contains("1 event(s) (2 already there)");
        assertThat(chatRecords(Topics.MESSAGE_EVENTS.name(), MessageEvent.class, m -> m.getChatId().startsWith("-10072"), 3))
                .extracting(MessageEvent::getText).containsExactlyInAnyOrder("uno", "dos", "tres");
    }

    @Test
    void problemsInTheInputAreReportedWithFileAndMessageIdNeverTheTextAndTheRestIsReplayed() throws Exception {
        Path exports = Files.createDirectories(dir.resolve("bad"));
        Path export = singleChat(exports, "ChatExport_bad", chat("Bad (test)", "private_supergroup", 7300000001L, List.of(
                message(1, T0, "A", "user301", "bien"),
                message(2, T0 + 1, "A", "user301", "texto privado que no debe salir"),
                message(3, T0 + 2, "A", "user301", "también bien"))));
        Path file = export.resolve("result.json");
        Files.writeString(file, Files.readString(file).replace("\"text\": \"texto privado que no debe salir\",", "\"text\": texto privado que no debe salir\","));

        CliRun run = replay("--telegram-export", export.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("result.json line").contains("invalid_json").contains("after message 1")
                .doesNotContain("texto privado").doesNotContain("bien");
        assertThat(run.out()).contains("problems in the input: 1 (invalid_json 1;").doesNotContain("texto privado");
        assertThat(chatRecords(Topics.MESSAGE_EVENTS.name(), MessageEvent.class, m -> m.getChatId().equals("-1007300000001"), 2))
                .extracting(MessageEvent::getMessageId).containsExactlyInAnyOrder("1", "3");
    }

    @Test
    void anInvalidGroupsFileStopsTheReplayBeforeAnythingIsWritten() throws Exception {
        Path export = singleChat(Files.createDirectories(dir.resolve("groups-bad")), "ChatExport_g", chat("G (test)", "private_supergroup",
                7400000001L, List.of(message(1, T0, "A", "user401", "x"))));
        Path groups = Files.writeString(dir.resolve("bad-groups.jsonl"), "{\"chatId\": \"-1007400000001\", \"memberCount\": \"many\"}\n");

        CliRun run = replay("--telegram-export", export.toString(), "--groups", groups.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 1: memberCount: a whole number, not negative");
        assertThat(chatRecords(Topics.MESSAGE_EVENTS.name(), MessageEvent.class, m -> m.getChatId().equals("-1007400000001"), 0)).isEmpty();
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xFF8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
