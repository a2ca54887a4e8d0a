package io.vigil.standalone.demo;

import io.vigil.ingest.blobs.BlobWriter;
import io.vigil.ingest.groups.GroupsFile;
import io.vigil.ingest.replay.ExportReplay;
import io.vigil.ingest.replay.ReplayEvent;
import io.vigil.ingest.replay.Tally;
import io.vigil.ingest.telegram.export.ExportFiles;
import io.vigil.ingest.telegram.export.ExportProblem;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MessageEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's shipped export reads cleanly and has what the demo is meant to show. */
class DemoExportTest {

    @TempDir
    Path dir;

    @Test
    void theShippedExportReadsWithoutAProblemAndCarriesSpreadACaseARecreationAndABenignMarket() throws Exception {
        Path export = DemoExport.writeTo(dir.resolve("export"));
        List<ExportProblem> problems = new ArrayList<>();
        List<ReplayEvent> events = new ArrayList<>();
        List<GroupMetadata> metadata;
        try (ExportReplay replay = ExportReplay.read(ExportFiles.find(DemoExport.exports(export)), GroupsFile.read(DemoExport.groups(export)),
                new BlobWriter(dir.resolve("blobs"), "telegram"), new ExportReplay.Options(50_000_000L, ZoneOffset.UTC, false), problems::add, new Tally())) {
            replay.events().forEachRemaining(events::add);
            metadata = replay.groupMetadata(Instant.EPOCH);
        }

        assertThat(problems).isEmpty();
        List<MessageEvent> messages = events.stream().filter(ReplayEvent::isMessage).map(ReplayEvent::message).toList();
        assertThat(messages).extracting(MessageEvent::getChatId).contains("-1001000000101", "-1001000000102", "-1001000000103",
                "-1001000000104", "-1001000000105");
        List<String> sharedPicture = messages.stream().flatMap(m -> m.getMedia().stream()).map(MediaItem::getMediaId).toList();
        assertThat(sharedPicture).as("the same picture posted in several chats").filteredOn(id -> java.util.Collections.frequency(sharedPicture, id) >= 3)
                .isNotEmpty();
        assertThat(messages).extracting(MessageEvent::getText).filteredOn(t -> t != null && t.matches(".*612.?34.?5?6.?78.*|.*612 345 678.*"))
                .as("the made-up number in several notations").hasSizeGreaterThanOrEqualTo(4);
        assertThat(events).filteredOn(e -> !e.isMessage()).extracting(e -> e.groupEvent().getKind())
                .contains(GroupEventKind.CREATED, GroupEventKind.PHOTO_CHANGED, GroupEventKind.MESSAGE_PINNED, GroupEventKind.JOINED_BY_LINK);
        assertThat(metadata).filteredOn(g -> g.getChatId().equals("-1001000000103")).singleElement()
                .satisfies(g -> assertThat(g.getStatus()).isEqualTo(GroupStatus.TAKEN_DOWN));
        assertThat(messages).filteredOn(m -> m.getChatId().equals("-1001000000105")).extracting(MessageEvent::getText)
                .noneMatch(t -> t != null && t.matches(".*\\d{3}.?\\d{2}.?\\d{2}.?\\d{2}.*"));
        assertThat(messages).as("the saved messages of the full export stay out").noneMatch(m -> m.getChatId().equals("6100000099"));
    }

    @Test
    void aLoopGivesEveryEventNewIdsAndTheCurrentTime() {
        MessageEvent message = MessageEvent.newBuilder().setPlatform("telegram").setChatId("-1001").setMessageId("12").setSenderId("1")
                .setSentAt(Instant.EPOCH).setReplyToMessageId("11").setMediaGroupId("export:-1001:12").build();
        Instant now = Instant.parse("2026-02-01T10:00:00Z");

        ReplayEvent third = LoopIds.fresh(ReplayEvent.of(message, null), 2, now);

        assertThat(third.message().getMessageId()).isEqualTo("2000012");
        assertThat(third.message().getReplyToMessageId()).isEqualTo("2000011");
        assertThat(third.message().getMediaGroupId()).isEqualTo("export:-1001:12#2");
        assertThat(third.message().getSentAt()).isEqualTo(now);
        assertThat(third.identity()).isNotEqualTo(LoopIds.fresh(ReplayEvent.of(message, null), 3, now).identity());
    }
}
