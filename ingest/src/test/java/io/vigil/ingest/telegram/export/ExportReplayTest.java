package io.vigil.ingest.telegram.export;

import io.vigil.ingest.blobs.BlobWriter;
import io.vigil.ingest.groups.GroupsFile;
import io.vigil.ingest.replay.ExportReplay;
import io.vigil.ingest.replay.ReplayEvent;
import io.vigil.ingest.replay.Tally;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.TextEntity;
import io.vigil.schemas.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.vigil.ingest.telegram.export.ExportFixtures.chat;
import static io.vigil.ingest.telegram.export.ExportFixtures.fullExport;
import static io.vigil.ingest.telegram.export.ExportFixtures.message;
import static io.vigil.ingest.telegram.export.ExportFixtures.part;
import static io.vigil.ingest.telegram.export.ExportFixtures.service;
import static io.vigil.ingest.telegram.export.ExportFixtures.singleChat;
import static org.assertj.core.api.Assertions.assertThat;

/** Exports written as Telegram Desktop writes them, read and mapped into the events a replay writes. */
class ExportReplayTest {

    private static final long T0 = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private record Result(List<ReplayEvent> events, List<ExportProblem> problems, Tally tally, List<GroupMetadata> metadata) {
        List<MessageEvent> messages() {
            return events.stream().filter(ReplayEvent::isMessage).map(ReplayEvent::message).toList();
        }

        List<GroupEvent> groupEvents() {
            return events.stream().filter(e -> !e.isMessage()).map(ReplayEvent::groupEvent).toList();
        }

        MessageEvent message(String chatId, String messageId) {
            return messages().stream().filter(m -> m.getChatId().equals(chatId) && m.getMessageId().equals(messageId)).findFirst().orElseThrow();
        }

        GroupMetadata metadataOf(String chatId) {
            return metadata.stream().filter(m -> m.getChatId().equals(chatId)).findFirst().orElseThrow();
        }
    }

    private Result replay(GroupsFile groups, ZoneId zone, Path... exports) {
        List<ExportProblem> problems = new ArrayList<>();
        Tally tally = new Tally();
        try (ExportReplay replay = ExportReplay.read(ExportFiles.find(List.of(exports)), groups,
                new BlobWriter(dir.resolve("blobs"), "telegram"), new ExportReplay.Options(5 * MB, zone, false), problems::add, tally)) {
            List<ReplayEvent> events = new ArrayList<>();
            Iterator<ReplayEvent> it = replay.events();
            it.forEachRemaining(events::add);
            assertThat(events).hasSize((int) replay.eventCount());
            return new Result(events, problems, tally, replay.groupMetadata(Instant.EPOCH));
        }
    }

    private Result replay(Path... exports) {
        return replay(GroupsFile.empty(), ZoneOffset.UTC, exports);
    }

    @Test
    void aSingleChatExportBecomesMessageEventsInTheBotApisIds() throws IOException {
        Path export = singleChat(dir, "ChatExport_2026-01-02", chat("Quedadas", "public_supergroup", 1234567890L, List.of(
                message(501, T0, "Ana", "user6120448731", "hola a todos"),
                message(502, T0 + 60, "Ana", "user6120448731", "segunda"))));

        Result result = replay(export);

        assertThat(result.messages()).extracting(MessageEvent::getChatId).containsOnly("-1001234567890");
        MessageEvent first = result.message("-1001234567890", "501");
        assertThat(first.getSenderId()).isEqualTo("6120448731");
        assertThat(first.getSentAt()).isEqualTo(Instant.ofEpochSecond(T0));
        assertThat(first.getText()).isEqualTo("hola a todos");
        assertThat(first.getPlatform()).isEqualTo("telegram");
        assertThat(first.getSource()).isEqualTo("telegram-export");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void chatIdsFollowTheBotApiForEveryChatType() throws IOException {
        Path basic = singleChat(dir, "ChatExport_a", chat("Basic", "private_group", 4567L, List.of(message(1, T0, "A", "user1", "x"))));
        Path channel = singleChat(dir, "ChatExport_b", chat("Canal", "public_channel", 42L, List.of(message(1, T0, "Canal", "channel42", "y"))));

        Result result = replay(basic, channel);

        assertThat(result.messages()).extracting(MessageEvent::getChatId).containsExactly("-4567", "-1000000000042");
        assertThat(result.message("-1000000000042", "1").getSenderId()).isEqualTo("-1000000000042");
        assertThat(result.metadataOf("-4567").getKind()).isEqualTo(ChatKind.GROUP);
        assertThat(result.metadataOf("-1000000000042").getKind()).isEqualTo(ChatKind.CHANNEL);
        assertThat(result.metadataOf("-1000000000042").getVisibility()).isEqualTo(Visibility.PUBLIC);
    }

    @Test
    void aFullDataExportReplaysItsGroupsWithMediaFromEachChatsFolderAndLeavesPersonalChatsAndDataOut() throws IOException {
        Path export = dir.resolve("DataExport_2026-01-05");
        writeImage(export.resolve("chats/chat_01/photos/photo_1@01-01-2026_00-00-00.jpg"), 1);
        Map<String, Object> photo = message(10, T0, "Bea", "user777", "mirad");
        photo.put("photo", "chats/chat_01/photos/photo_1@01-01-2026_00-00-00.jpg");
        photo.put("photo_file_size", 1000);
        photo.put("width", 64);
        photo.put("height", 48);
        fullExport(dir, "DataExport_2026-01-05", List.of(
                chat("Amiga", "personal_chat", 777L, List.of(message(3, T0, "Bea", "user777", "privado"))),
                chat("Grupo uno", "private_supergroup", 1111111111L, List.of(photo))),
                List.of(chat("Grupo dejado", "public_supergroup", 2222222222L, List.of(message(7, T0 + 5, "Carl", "user888", "adios")))));

        Result result = replay(export);

        assertThat(result.messages()).extracting(m -> m.getChatId() + ":" + m.getMessageId())
                .containsExactly("-1001111111111:10", "-1002222222222:7");
        MediaItem media = result.message("-1001111111111", "10").getMedia().get(0);
        assertThat(media.getKind()).isEqualTo(MediaKind.PHOTO);
        assertThat(media.getBlobUri()).startsWith("file:///telegram/");
        assertThat(media.getMediaId()).startsWith("sha256:");
        assertThat(media.getWidth()).isEqualTo(64);
        assertThat(dir.resolve("blobs").resolve(media.getBlobUri().substring("file:///".length()))).isRegularFile();
        assertThat(result.tally().get("chats_skipped.private_chat")).isEqualTo(1);
        assertThat(result.events().toString()).doesNotContain("+34 600 000 000").doesNotContain("privado");
    }

    @Test
    void severalExportsAreMergedInEventTimeOrder() throws IOException {
        Path a = singleChat(dir, "ChatExport_a", chat("A", "private_supergroup", 1L, List.of(
                message(1, T0, "x", "user1", "a1"), message(2, T0 + 20, "x", "user1", "a2"), message(3, T0 + 40, "x", "user1", "a3"))));
        Path b = singleChat(dir, "ChatExport_b", chat("B", "private_supergroup", 2L, List.of(
                message(1, T0 + 10, "y", "user2", "b1"), message(2, T0 + 30, "y", "user2", "b2"))));

        Result result = replay(b, a);

        assertThat(result.messages()).extracting(MessageEvent::getText).containsExactly("a1", "b1", "a2", "b2", "a3");
    }

    @Test
    void aMigratedBasicGroupsHistoryKeepsItsOwnChatAndMessageIdsAndIsRecordedAsAMigration() throws Exception {
        long shift = -1_000_000_000L;
        Map<String, Object> oldReply = message(shift + 71, T0 + 10, "A", "user1", "respuesta");
        oldReply.put("reply_to_message_id", shift + 70);
        Path export = singleChat(dir, "ChatExport_m", chat("Nuevo", "private_supergroup", 3333333333L, List.of(
                service(shift + 69, T0 - 100, "A", "user1", "create_group", Map.of("title", "Viejo", "members", List.of("A", "B"))),
                message(shift + 70, T0, "A", "user1", "en el grupo viejo"),
                oldReply,
                service(shift + 72, T0 + 20, "A", "user1", "migrate_to_supergroup", Map.of()),
                service(1, T0 + 21, "Nuevo", "channel3333333333", "migrate_from_group", Map.of("title", "Viejo")),
                message(2, T0 + 30, "A", "user1", "en el supergrupo"))));
        Path groups = Files.writeString(dir.resolve("groups.jsonl"),
                "{\"chatId\": \"-4001\", \"status\": \"migrated\", \"migratedToChatId\": \"-1003333333333\"}\n");

        Result result = replay(GroupsFile.read(groups), ZoneOffset.UTC, export);

        assertThat(result.message("-4001", "70").getText()).isEqualTo("en el grupo viejo");
        assertThat(result.message("-4001", "71").getReplyToMessageId()).isEqualTo("70");
        assertThat(result.message("-1003333333333", "2").getText()).isEqualTo("en el supergrupo");
        assertThat(result.groupEvents()).filteredOn(e -> e.getKind() == GroupEventKind.MIGRATED_TO).singleElement().satisfies(e -> {
            assertThat(e.getChatId()).isEqualTo("-4001");
            assertThat(e.getRelatedChatId()).isEqualTo("-1003333333333");
            assertThat(e.getEventId()).isEqualTo("-4001:72");
        });
        assertThat(result.groupEvents()).filteredOn(e -> e.getKind() == GroupEventKind.MIGRATED_FROM).singleElement().satisfies(e -> {
            assertThat(e.getChatId()).isEqualTo("-1003333333333");
            assertThat(e.getRelatedChatId()).isEqualTo("-4001");
            assertThat(e.getTitle()).isEqualTo("Viejo");
        });
        GroupMetadata old = result.metadataOf("-4001");
        assertThat(old.getStatus()).isEqualTo(GroupStatus.MIGRATED);
        assertThat(old.getMigratedToChatId()).isEqualTo("-1003333333333");
        assertThat(old.getKind()).isEqualTo(ChatKind.GROUP);
        assertThat(old.getTitle()).isEqualTo("Viejo");
        assertThat(old.getOwnerId()).isEqualTo("1");
        assertThat(old.getPreviousChatIds()).as("a migration is not a re-creation").isEmpty();
        assertThat(result.metadataOf("-1003333333333").getPreviousChatIds()).isEmpty();
    }

    @Test
    void withoutAGroupsFileTheMigratedHistoryGetsAStableNamedChatId() throws IOException {
        Path export = singleChat(dir, "ChatExport_m", chat("Nuevo", "private_supergroup", 3333333333L, List.of(
                message(-1_000_000_000L + 5, T0, "A", "user1", "viejo"),
                message(1, T0 + 30, "A", "user1", "nuevo"))));

        Result result = replay(export);

        assertThat(result.message("migrated-from:-1003333333333", "5").getText()).isEqualTo("viejo");
        assertThat(result.metadataOf("migrated-from:-1003333333333").getMigratedToChatId()).isEqualTo("-1003333333333");
    }

    @Test
    void entitiesAfterANonBmpEmojiStartAtTheirUtf16Offsets() throws IOException {
        Path export = singleChat(dir, "ChatExport_e", chat("G", "private_supergroup", 9L, List.of(
                message(1, T0, "A", "user1", List.of("😀🙂 llama al ", part("phone", "+34 612 34 56 78"), " o ",
                        part("mention", "@lucia"), " ", textLink("aquí", "https://t.me/+AbCd"), " ", mentionName("Eva", 6120448731L))))));

        Result result = replay(export);

        MessageEvent event = result.message("-1000000000009", "1");
        assertThat(event.getText()).isEqualTo("😀🙂 llama al +34 612 34 56 78 o @lucia aquí Eva");
        assertThat(event.getEntities()).extracting(TextEntity::getType, TextEntity::getOffset, TextEntity::getLength)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("phone_number", 14, 16),
                        org.assertj.core.groups.Tuple.tuple("mention", 33, 6),
                        org.assertj.core.groups.Tuple.tuple("text_link", 40, 4),
                        org.assertj.core.groups.Tuple.tuple("text_mention", 45, 3));
        for (TextEntity entity : event.getEntities()) {
            assertThat(event.getText().substring(entity.getOffset(), entity.getOffset() + entity.getLength())).doesNotStartWith(" ");
        }
        assertThat(event.getText().substring(14, 30)).isEqualTo("+34 612 34 56 78");
        assertThat(event.getEntities().get(2).getUrl()).isEqualTo("https://t.me/+AbCd");
        assertThat(event.getEntities().get(3).getUrl()).isEqualTo("tg://user?id=6120448731");
    }

    private static Map<String, Object> textLink(String text, String href) {
        Map<String, Object> p = part("text_link", text);
        p.put("href", href);
        return p;
    }

    private static Map<String, Object> mentionName(String text, long userId) {
        Map<String, Object> p = part("mention_name", text);
        p.put("user_id", userId);
        return p;
    }

    @Test
    void aTextArrayWithoutTextEntitiesIsFlattenedTheSameWay() throws IOException {
        Map<String, Object> old = message(1, T0, "A", "user1", List.of("👩‍👩‍👧 ", part("bold", "negrita"), " fin"));
        old.remove("text_entities");
        Path export = singleChat(dir, "ChatExport_o", chat("G", "private_supergroup", 9L, List.of(old)));

        MessageEvent event = replay(export).message("-1000000000009", "1");

        assertThat(event.getEntities()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("bold");
            assertThat(e.getOffset()).isEqualTo("👩‍👩‍👧 ".length()).isEqualTo(9);
        });
    }

    @Test
    void anAnonymousAdminPostsAsTheGroupItselfAndAChannelPostAsTheChannel() throws IOException {
        Path export = singleChat(dir, "ChatExport_an", chat("Grupo", "private_supergroup", 5555555555L, List.of(
                message(1, T0, "Grupo", "channel5555555555", "aviso de la administración"),
                service(2, T0 + 1, "Grupo", "channel5555555555", "pin_message", Map.of("message_id", 1)))));

        Result result = replay(export);

        assertThat(result.message("-1005555555555", "1").getSenderId()).isEqualTo("-1005555555555");
        assertThat(result.groupEvents()).singleElement().satisfies(e -> assertThat(e.getActorId()).isEqualTo("-1005555555555"));
        assertThat(result.metadataOf("-1005555555555").getAdminIds()).as("an anonymous admin names no account").isEmpty();
    }

    @Test
    void aDeletedAccountKeepsItsUserIdWithoutAName() throws IOException {
        Path export = singleChat(dir, "ChatExport_d", chat("Grupo", "private_supergroup", 6L, List.of(
                message(1, T0, null, "user5999999999", "mensaje de una cuenta borrada"))));

        Result result = replay(export);

        assertThat(result.message("-1000000000006", "1").getSenderId()).isEqualTo("5999999999");
        assertThat(result.tally().get("sender_unknown")).isZero();
    }

    @Test
    void dateUnixtimeDecidesTheTimeWhenTheLocalDateIsAmbiguousAroundADaylightSavingChange() throws IOException {
        // Europe/Madrid left summer time on 2025-10-26 at 03:00 CEST: 02:30 local happened twice, an hour apart.
        long firstHalfPast2 = Instant.parse("2025-10-26T00:30:00Z").getEpochSecond();
        long secondHalfPast2 = Instant.parse("2025-10-26T01:30:00Z").getEpochSecond();
        Map<String, Object> later = message(2, secondHalfPast2, "B", "user2", "second 02:30");
        later.put("date", "2025-10-26T02:30:00");
        Map<String, Object> earlier = message(3, firstHalfPast2, "A", "user1", "first 02:30");
        earlier.put("date", "2025-10-26T02:30:00");
        Path a = singleChat(dir, "ChatExport_1", chat("A", "private_supergroup", 1L, List.of(later)));
        Path b = singleChat(dir, "ChatExport_2", chat("B", "private_supergroup", 2L, List.of(earlier)));

        Result result = replay(GroupsFile.empty(), ZoneId.of("Europe/Madrid"), a, b);

        assertThat(result.messages()).extracting(MessageEvent::getText).containsExactly("first 02:30", "second 02:30");
        assertThat(result.messages()).extracting(MessageEvent::getSentAt)
                .containsExactly(Instant.ofEpochSecond(firstHalfPast2), Instant.ofEpochSecond(secondHalfPast2));
        assertThat(result.tally().withPrefix("dates.")).isEmpty();
    }

    @Test
    void anOldExportWithoutUnixTimesIsReadInTheGivenZoneAndItsAmbiguousHourIsCounted() throws IOException {
        Map<String, Object> ambiguous = message(1, 0, "A", "user1", "a las dos y media");
        ambiguous.remove("date_unixtime");
        ambiguous.put("date", "2025-10-26T02:30:00");
        Map<String, Object> plain = message(2, 0, "A", "user1", "por la tarde");
        plain.remove("date_unixtime");
        plain.put("date", "2025-10-26T17:00:00");
        Path export = singleChat(dir, "ChatExport_old", chat("A", "private_supergroup", 1L, List.of(ambiguous, plain)));

        Result result = replay(GroupsFile.empty(), ZoneId.of("Europe/Madrid"), export);

        assertThat(result.message("-1000000000001", "1").getSentAt()).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        assertThat(result.message("-1000000000001", "2").getSentAt()).isEqualTo(Instant.parse("2025-10-26T16:00:00Z"));
        assertThat(result.tally().get("dates.from_local_time_ambiguous")).isEqualTo(1);
        assertThat(result.tally().get("dates.from_local_time")).isEqualTo(1);
    }

    @Test
    void mediaTheExportLeftOutStayAsMediaOfUnknownContentWithTheReason() throws IOException {
        Map<String, Object> notIncluded = message(1, T0, "A", "user1", "");
        notIncluded.put("photo", "(File not included. Change data exporting settings to download.)");
        notIncluded.put("width", 1280);
        notIncluded.put("height", 960);
        Map<String, Object> tooBig = message(2, T0 + 1, "A", "user1", "video");
        tooBig.put("file", "(File exceeds maximum size. Change data exporting settings to download.)");
        tooBig.put("media_type", "video_file");
        tooBig.put("mime_type", "video/mp4");
        tooBig.put("file_size", 90_000_000);
        Map<String, Object> unavailable = message(3, T0 + 2, "A", "user1", "");
        unavailable.put("file", "(File unavailable, please try again later)");
        unavailable.put("media_type", "voice_message");
        Map<String, Object> missing = message(4, T0 + 3, "A", "user1", "");
        missing.put("photo", "photos/photo_9@01-01-2026_00-00-03.jpg");
        Path export = singleChat(dir, "ChatExport_p", chat("G", "private_supergroup", 7L, List.of(notIncluded, tooBig, unavailable, missing)));

        Result result = replay(export);

        assertThat(result.messages()).hasSize(4);
        assertThat(result.messages()).flatExtracting(MessageEvent::getMedia)
                .extracting(MediaItem::getKind, MediaItem::getUnavailable, MediaItem::getBlobUri)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MediaKind.PHOTO, "not_included", null),
                        org.assertj.core.groups.Tuple.tuple(MediaKind.VIDEO, "exceeds_export_limit", null),
                        org.assertj.core.groups.Tuple.tuple(MediaKind.VOICE, "unavailable_at_export", null),
                        org.assertj.core.groups.Tuple.tuple(MediaKind.PHOTO, "missing_file", null));
        assertThat(result.message("-1000000000007", "1").getText()).isNull();
        assertThat(result.message("-1000000000007", "2").getMedia().get(0).getSizeBytes()).isEqualTo(90_000_000L);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("missing_file");
            assertThat(p.messageId()).isEqualTo(4L);
            assertThat(p.toString()).contains("result.json").contains("message 4");
        });
    }

    @Test
    void aFileOverTheSizeLimitIsNotCopiedButStaysInTheMessage() throws IOException {
        Path export = dir.resolve("ChatExport_big");
        Path big = export.resolve("files/huge.bin");
        Files.createDirectories(big.getParent());
        Files.write(big, new byte[(int) (5 * MB + 1)]);
        Map<String, Object> m = message(1, T0, "A", "user1", "");
        m.put("file", "files/huge.bin");
        m.put("file_name", "huge.bin");
        m.put("mime_type", "application/octet-stream");
        singleChat(dir, "ChatExport_big", chat("G", "private_supergroup", 7L, List.of(m)));

        MediaItem item = replay(export).message("-1000000000007", "1").getMedia().get(0);

        assertThat(item.getKind()).isEqualTo(MediaKind.DOCUMENT);
        assertThat(item.getUnavailable()).isEqualTo("too_large");
        assertThat(item.getBlobUri()).isNull();
    }

    @Test
    void aVideoWithAThumbnailCarriesTheThumbnailAsAnImageOfItsOwn() throws IOException {
        Path export = dir.resolve("ChatExport_v");
        writeImage(export.resolve("video_files/video_1@01-01-2026.mp4_thumb.jpg"), 3);
        Files.write(export.resolve("video_files/video_1@01-01-2026.mp4"), new byte[]{0, 0, 0, 24, 'f', 't', 'y', 'p'});
        Map<String, Object> m = message(1, T0, "A", "user1", "");
        m.put("file", "video_files/video_1@01-01-2026.mp4");
        m.put("thumbnail", "video_files/video_1@01-01-2026.mp4_thumb.jpg");
        m.put("media_type", "video_file");
        m.put("mime_type", "video/mp4");
        singleChat(dir, "ChatExport_v", chat("G", "private_supergroup", 7L, List.of(m)));

        List<MediaItem> media = replay(export).message("-1000000000007", "1").getMedia();

        assertThat(media).extracting(MediaItem::getKind).containsExactly(MediaKind.VIDEO, MediaKind.PHOTO);
        assertThat(media.get(1).getThumbnailOf()).isEqualTo(0);
        assertThat(media).allSatisfy(item -> assertThat(item.getBlobUri()).startsWith("file:///telegram/"));
    }

    @Test
    void stickersVoiceAndVideoMessagesKeepTheirKinds() throws IOException {
        List<Map<String, Object>> messages = new ArrayList<>();
        String[][] kinds = {{"sticker", "image/webp"}, {"voice_message", "audio/ogg"}, {"video_message", "video/mp4"},
                {"animation", "video/mp4"}, {"audio_file", "audio/mpeg"}};
        for (int i = 0; i < kinds.length; i++) {
            Map<String, Object> m = message(i + 1, T0 + i, "A", "user1", "");
            m.put("file", "(File not included. Change data exporting settings to download.)");
            m.put("media_type", kinds[i][0]);
            m.put("mime_type", kinds[i][1]);
            messages.add(m);
        }
        Path export = singleChat(dir, "ChatExport_k", chat("G", "private_supergroup", 7L, messages));

        assertThat(replay(export).messages()).extracting(m -> m.getMedia().get(0).getKind())
                .containsExactly(MediaKind.STICKER, MediaKind.VOICE, MediaKind.VIDEO_NOTE, MediaKind.ANIMATION, MediaKind.AUDIO);
    }

    @Test
    void repostsOfTheSameImageShareOneMediaIdAndOneBlob() throws IOException {
        Path one = dir.resolve("ChatExport_1");
        Path two = dir.resolve("ChatExport_2");
        byte[] image = writeImage(one.resolve("photos/photo_1@01-01-2026_00-00-00.jpg"), 5);
        Files.createDirectories(two.resolve("photos"));
        Files.write(two.resolve("photos/photo_3@02-01-2026_10-00-00.jpg"), image);
        Map<String, Object> a = message(1, T0, "A", "user1", "");
        a.put("photo", "photos/photo_1@01-01-2026_00-00-00.jpg");
        Map<String, Object> b = message(9, T0 + 3600, "B", "user2", "");
        b.put("photo", "photos/photo_3@02-01-2026_10-00-00.jpg");
        b.put("forwarded_from", "Canal uno");
        singleChat(dir, "ChatExport_1", chat("Canal uno", "public_channel", 11L, List.of(a)));
        singleChat(dir, "ChatExport_2", chat("Grupo dos", "private_supergroup", 22L, List.of(b)));

        Result result = replay(one, two);

        MediaItem first = result.message("-1000000000011", "1").getMedia().get(0);
        MediaItem repost = result.message("-1000000000022", "9").getMedia().get(0);
        assertThat(repost.getMediaId()).isEqualTo(first.getMediaId());
        assertThat(repost.getBlobUri()).isEqualTo(first.getBlobUri());
        assertThat(result.message("-1000000000022", "9").getForwardedFrom().getChatId())
                .as("the forward's origin found by the replayed channel's title").isEqualTo("-1000000000011");
    }

    @Test
    void consecutivePhotosOfOneSenderInTheSameSecondAreOneAlbum() throws IOException {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> m = message(i, T0, "A", "user1", i == 1 ? "album" : "");
            m.put("photo", "(File not included. Change data exporting settings to download.)");
            messages.add(m);
        }
        Map<String, Object> other = message(4, T0, "B", "user2", "");
        other.put("photo", "(File not included. Change data exporting settings to download.)");
        messages.add(other);
        messages.add(message(5, T0 + 1, "A", "user1", "texto"));
        Path export = singleChat(dir, "ChatExport_al", chat("G", "private_supergroup", 7L, messages));

        Result result = replay(export);

        assertThat(result.messages()).extracting(MessageEvent::getMediaGroupId)
                .containsExactly("export:-1000000000007:1", "export:-1000000000007:1", "export:-1000000000007:1", null, null);
    }

    @Test
    void serviceMessagesBecomeGroupEventsWithTitlesJoinsPinnedLinksAndAHashedPhoto() throws IOException {
        Path export = dir.resolve("ChatExport_s");
        writeImage(export.resolve("photos/photo_1@01-01-2026_00-00-05.jpg"), 9);
        List<Map<String, Object>> messages = List.of(
                service(1, T0, "Owner", "user100", "create_channel", Map.of("title", "Grupo nuevo")),
                service(2, T0 + 5, "Owner", "user100", "edit_group_photo",
                        Map.of("photo", "photos/photo_1@01-01-2026_00-00-05.jpg", "width", 64, "height", 48)),
                service(3, T0 + 6, "Admin", "user200", "edit_group_title", Map.of("title", "Grupo nuevo 2")),
                service(4, T0 + 7, "Owner", "user100", "invite_members", Map.of("members", List.of("A", "B", "C"))),
                service(5, T0 + 8, "Juan", "user300", "join_group_by_link", Map.of("inviter", "Owner")),
                service(6, T0 + 9, "Juan", "user300", "remove_members", Map.of("members", List.of("Juan"))),
                message(7, T0 + 10, "Admin", "user200", "únete al de reserva: t.me/+ReservaXyz y https://t.me/CanalBackup"),
                service(8, T0 + 11, "Admin", "user200", "pin_message", Map.of("message_id", 7)),
                service(9, T0 + 12, "Admin", "user200", "remove_members", Map.of("members", List.of("Pedro"))),
                service(10, T0 + 13, "Owner", "user100", "phone_call", Map.of()));
        singleChat(dir, "ChatExport_s", chat("Grupo nuevo 2", "private_supergroup", 8888888888L, messages));

        Result result = replay(export);

        assertThat(result.groupEvents()).extracting(GroupEvent::getKind).containsExactly(GroupEventKind.CREATED,
                GroupEventKind.PHOTO_CHANGED, GroupEventKind.TITLE_CHANGED, GroupEventKind.MEMBERS_ADDED,
                GroupEventKind.JOINED_BY_LINK, GroupEventKind.MEMBER_LEFT, GroupEventKind.MESSAGE_PINNED, GroupEventKind.MEMBERS_REMOVED);
        assertThat(result.groupEvents()).extracting(GroupEvent::getEventId).startsWith("-1008888888888:1");
        GroupEvent photo = result.groupEvents().get(1);
        assertThat(photo.getPhoto().getSha256()).hasSize(64);
        assertThat(photo.getPhoto().getPdq()).hasSize(64);
        assertThat(photo.getPhoto().getBlobUri()).startsWith("file:///telegram/");
        assertThat(result.groupEvents().get(3).getMemberCount()).isEqualTo(3);
        assertThat(result.groupEvents().get(4).getMemberIds()).containsExactly("300");
        GroupEvent pin = result.groupEvents().get(6);
        assertThat(pin.getPinnedMessageId()).isEqualTo("7");
        assertThat(pin.getLinks()).containsExactly("https://t.me/+ReservaXyz", "https://t.me/canalbackup");
        assertThat(result.groupEvents().toString()).doesNotContain("Juan").doesNotContain("Pedro");
        assertThat(result.tally().get("service_not_recorded.phone_call")).isEqualTo(1);

        GroupMetadata inferred = result.metadataOf("-1008888888888");
        assertThat(inferred.getOwnerId()).isEqualTo("100");
        assertThat(inferred.getCreatedAt()).isEqualTo(Instant.ofEpochSecond(T0));
        assertThat(inferred.getAdminIds()).containsExactly("100", "200");
        assertThat(inferred.getMemberCount()).as("exports carry no member count").isZero();
    }

    @Test
    void theGroupsFileOverridesWhatTheExportSuggestsAndAddsChatsTheExportLacks() throws IOException, GroupsFile.InvalidException {
        Path export = singleChat(dir, "ChatExport_g", chat("Desde export", "private_supergroup", 1234567890L, List.of(
                message(1, T0, "A", "user1", "x"))));
        Path groups = Files.writeString(dir.resolve("groups.jsonl"), String.join("\n",
                "{\"chatId\": \"-1001234567890\", \"memberCount\": 48200, \"visibility\": \"PUBLIC\", \"ownerId\": \"user6120448731\","
                        + " \"adminIds\": [\"6120448731\", \"channel42\"], \"inviteLinks\": [\"t.me/+AbCdEf\"], \"createdAt\": \"2025-03-01T10:00:00Z\"}",
                "{\"chatId\": -1009999999999, \"kind\": \"supergroup\", \"status\": \"taken_down\", \"takenDownAt\": 1767000000000, \"title\": \"Caído\"}",
                ""));

        Result result = replay(GroupsFile.read(groups), ZoneOffset.UTC, export);

        GroupMetadata known = result.metadataOf("-1001234567890");
        assertThat(known.getTitle()).isEqualTo("Desde export");
        assertThat(known.getKind()).isEqualTo(ChatKind.SUPERGROUP);
        assertThat(known.getMemberCount()).isEqualTo(48200);
        assertThat(known.getVisibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(known.getOwnerId()).isEqualTo("6120448731");
        assertThat(known.getAdminIds()).containsExactly("6120448731", "-1000000000042");
        assertThat(known.getInviteLinks()).containsExactly("https://t.me/+AbCdEf");
        assertThat(known.getCreatedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        GroupMetadata takenDown = result.metadataOf("-1009999999999");
        assertThat(takenDown.getStatus()).isEqualTo(GroupStatus.TAKEN_DOWN);
        assertThat(takenDown.getTakenDownAt()).isEqualTo(Instant.ofEpochMilli(1767000000000L));
        assertThat(result.groupEvents()).as("the takedown, in event time before the export's message").singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo(GroupEventKind.TAKEN_DOWN);
            assertThat(e.getChatId()).isEqualTo("-1009999999999");
            assertThat(e.getEventId()).isEqualTo("-1009999999999:taken-down:1767000000000");
            assertThat(e.getSource()).isEqualTo("platform");
        });
        assertThat(result.events().get(0).isMessage()).isFalse();
    }

    @Test
    void brokenJsonIsReportedByLineAndTheRestOfTheChatIsStillReplayed() throws IOException {
        Path export = singleChat(dir, "ChatExport_b", chat("G", "private_supergroup", 7L, List.of(
                message(1, T0, "A", "user1", "uno"),
                message(2, T0 + 1, "A", "user1", "dos secreto"),
                message(3, T0 + 2, "A", "user1", "tres"),
                message(4, T0 + 3, "A", "user1", "cuatro"))));
        Path file = export.resolve("result.json");
        String json = Files.readString(file);
        // Message 2 loses its closing quote and brace: the kind of damage a cut-off write leaves.
        Files.writeString(file, json.replace("\"text\": \"dos secreto\",", "\"text\": \"dos secreto,"));

        Result result = replay(export);

        assertThat(result.messages()).extracting(MessageEvent::getMessageId).contains("1", "3", "4").doesNotContain("2");
        assertThat(result.problems()).extracting(ExportProblem::code).contains("invalid_json");
        ExportProblem problem = result.problems().get(0);
        assertThat(problem.line()).isGreaterThan(1);
        assertThat(problem.toString()).contains("result.json").contains("after message 1").doesNotContain("secreto").doesNotContain("dos");
    }

    @Test
    void brokenJsonInAFullExportResumesInTheSameChatAndTheChatsAfterIt() throws IOException {
        fullExport(dir, "DataExport_b", List.of(
                chat("G1", "private_supergroup", 1L, List.of(
                        message(1, T0, "A", "user1", "a"), message(2, T0 + 1, "A", "user1", "b"), message(3, T0 + 2, "A", "user1", "c"))),
                chat("G2", "private_supergroup", 2L, List.of(message(1, T0 + 3, "B", "user2", "d")))), List.of());
        Path file = dir.resolve("DataExport_b/result.json");
        Files.writeString(file, Files.readString(file).replace("\"text\": \"b\",", "\"text\": b\","));

        Result result = replay(dir.resolve("DataExport_b"));

        assertThat(result.messages()).extracting(m -> m.getChatId() + ":" + m.getMessageId())
                .containsExactly("-1000000000001:1", "-1000000000001:3", "-1000000000002:1");
    }

    @Test
    void aTruncatedFileKeepsWhatCameBeforeTheCut() throws IOException {
        Path export = singleChat(dir, "ChatExport_t", chat("G", "private_supergroup", 7L, List.of(
                message(1, T0, "A", "user1", "uno"), message(2, T0 + 1, "A", "user1", "dos"))));
        Path file = export.resolve("result.json");
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.indexOf("\"dos\"")));

        Result result = replay(export);

        assertThat(result.messages()).extracting(MessageEvent::getMessageId).containsExactly("1");
        assertThat(result.problems()).extracting(ExportProblem::code).containsExactly("invalid_json", "rest_unreadable");
    }

    @Test
    void controlCharactersWrittenAsBackslashXAreRead() throws IOException {
        Path export = singleChat(dir, "ChatExport_x", chat("G\u0007", "private_supergroup", 7L, List.of(
                message(1, T0, "A", "user1", "campana\u0007 y escape\u001b fin"))));
        assertThat(Files.readString(export.resolve("result.json"))).contains("\\x07").contains("\\x1b");

        Result result = replay(export);

        assertThat(result.message("-1000000000007", "1").getText()).isEqualTo("campana\u0007 y escape\u001b fin");
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void unknownAndUnsupportedMessagesAreReportedAndTheOthersReplayed() throws IOException {
        Map<String, Object> unsupported = new LinkedHashMap<>();
        unsupported.put("id", 2);
        unsupported.put("type", "unsupported");
        Map<String, Object> strange = message(3, T0 + 2, "A", "user1", "x");
        strange.put("type", "story_reply");
        Map<String, Object> noDate = message(4, T0, "A", "user1", "sin fecha");
        noDate.remove("date");
        noDate.remove("date_unixtime");
        Path export = singleChat(dir, "ChatExport_u", chat("G", "private_supergroup", 7L, List.of(
                message(1, T0, "A", "user1", "ok"), unsupported, strange, noDate, message(5, T0 + 4, "A", "user1", "ok2"))));

        Result result = replay(export);

        assertThat(result.messages()).extracting(MessageEvent::getMessageId).containsExactly("1", "5");
        assertThat(result.problems()).extracting(ExportProblem::code, ExportProblem::messageId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("unsupported_message", 2L),
                org.assertj.core.groups.Tuple.tuple("unknown_type", 3L),
                org.assertj.core.groups.Tuple.tuple("bad_date", 4L));
        assertThat(result.problems().toString()).doesNotContain("sin fecha");
    }

    @Test
    void aSharedContactCardAndAPollBecomeTextTheDetectorScans() throws IOException {
        Map<String, Object> contact = message(1, T0, "A", "user1", "esta es");
        contact.put("contact_information", Map.of("first_name", "Lucía", "last_name", "Demo", "phone_number", "+34 612 34 56 78"));
        Map<String, Object> poll = message(2, T0 + 1, "A", "user1", "");
        poll.put("poll", Map.of("question", "¿Quién viene?", "closed", false, "total_voters", 2,
                "answers", List.of(Map.of("text", "Yo", "voters", 1, "chosen", false))));
        Path export = singleChat(dir, "ChatExport_c", chat("G", "private_supergroup", 7L, List.of(contact, poll)));

        Result result = replay(export);

        assertThat(result.message("-1000000000007", "1").getText()).isEqualTo("esta es\n\nLucía Demo +34 612 34 56 78");
        assertThat(result.message("-1000000000007", "2").getText()).isEqualTo("¿Quién viene?\nYo");
    }

    @Test
    void editedMessagesCarryTheirEditTime() throws IOException {
        Map<String, Object> edited = message(1, T0, "A", "user1", "texto final");
        edited.put("edited", ExportFixtures.localDate(T0 + 300));
        edited.put("edited_unixtime", Long.toString(T0 + 300));
        Path export = singleChat(dir, "ChatExport_ed", chat("G", "private_supergroup", 7L, List.of(edited)));

        assertThat(replay(export).message("-1000000000007", "1").getEditedAt()).isEqualTo(Instant.ofEpochSecond(T0 + 300));
    }

    static byte[] writeImage(Path file, long seed) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        java.util.Random random = new java.util.Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), 64, 48, new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillOval(random.nextInt(40), random.nextInt(30), 20, 15);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        Files.createDirectories(file.getParent());
        Files.write(file, out.toByteArray());
        return out.toByteArray();
    }
}
