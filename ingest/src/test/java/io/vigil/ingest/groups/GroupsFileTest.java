package io.vigil.ingest.groups;

import io.vigil.schemas.GroupMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupsFileTest {

    @TempDir
    Path dir;

    @Test
    void everyBadLineIsReportedByNumberAndNothingIsAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("groups.jsonl"), String.join("\n",
                "{\"chatId\": \"-1001\", \"kind\": \"supergroup\"}",
                "{\"chatId\": \"abc\"}",
                "not json",
                "{\"chatId\": \"-1002\", \"memberCount\": -5, \"status\": \"gone\", \"colour\": \"red\"}",
                "{\"kind\": \"group\"}",
                "{\"chatId\": \"-1001\"}"));

        assertThatThrownBy(() -> GroupsFile.read(file)).isInstanceOfSatisfying(GroupsFile.InvalidException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "line 2: chatId: a chat id as the Bot API writes it (-100…, -…)",
                        "line 3: not a JSON object",
                        "line 4: memberCount: a whole number, not negative",
                        "line 4: status: one of unknown, active, taken_down, migrated",
                        "line 4: unknown field 'colour' (GroupMetadata's fields by their Avro names)",
                        "line 5: chatId is required",
                        "line 6: chat -1001 is already described on an earlier line"));
    }

    @Test
    void valuesAreReadInTheFormsOperatorsWriteThem() throws Exception {
        Path file = Files.writeString(dir.resolve("groups.jsonl"),
                "{\"chatId\": -1001, \"kind\": \"Channel\", \"visibility\": \"public\", \"username\": \"@canal\", \"createdAt\": \"2025-06-01\","
                        + " \"takenDownAt\": \"2026-01-10T10:00:00+01:00\", \"status\": \"TAKEN_DOWN\", \"ownerId\": 6120448731,"
                        + " \"previousChatIds\": [\"-1000\"], \"inviteLinks\": [\"https://telegram.me/joinchat/AbC\"]}\n");

        GroupMetadata metadata = GroupsFile.read(file).metadata("-1001", null, Instant.EPOCH);

        assertThat(metadata.getKind().name()).isEqualTo("CHANNEL");
        assertThat(metadata.getVisibility().name()).isEqualTo("PUBLIC");
        assertThat(metadata.getUsername()).isEqualTo("canal");
        assertThat(metadata.getCreatedAt()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(metadata.getTakenDownAt()).isEqualTo(Instant.parse("2026-01-10T09:00:00Z"));
        assertThat(metadata.getOwnerId()).isEqualTo("6120448731");
        assertThat(metadata.getPreviousChatIds()).containsExactly("-1000");
        assertThat(metadata.getInviteLinks()).containsExactly("https://t.me/joinchat/AbC");
    }
}
