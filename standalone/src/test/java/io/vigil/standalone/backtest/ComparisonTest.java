package io.vigil.standalone.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    @TempDir
    Path dir;

    @Test
    void messagesWhoseQueueOrLevelMovedAreListedAndTheRestCounted() throws Exception {
        Path before = Files.writeString(dir.resolve("before.jsonl"), String.join("\n",
                "{\"kind\":\"message\",\"chatId\":\"-1\",\"messageId\":\"1\",\"level\":\"high\",\"queue\":\"doxxing\"}",
                "{\"kind\":\"message\",\"chatId\":\"-1\",\"messageId\":\"2\",\"level\":\"none\",\"queue\":null}",
                "{\"kind\":\"message\",\"chatId\":\"-1\",\"messageId\":\"3\",\"level\":\"medium\",\"queue\":\"review\"}",
                "{\"kind\":\"spread\",\"clusterId\":\"c\",\"chats\":[\"-1\",\"-2\"],\"sightings\":2,\"reach\":10}",
                "{\"kind\":\"message\",\"chatId\":\"-1\",\"messageId\":\"4\",\"level\":\"low\",\"queue\":null}", ""));
        Path after = Files.writeString(dir.resolve("after.jsonl"), String.join("\n",
                "{\"kind\":\"message\",\"chatId\":\"-1\",\"messageId\":\"1\",\"level\":\"low\",\"queue\":null}",
                "{\"kind\":\"message\",\"chatId\":\"-1\",\"messageId\":\"2\",\"level\":\"none\",\"queue\":null}",
                "{\"kind\":\"message\",\"chatId\":\"-1\",\"messageId\":\"3\",\"level\":\"medium\",\"queue\":\"urgent\"}",
                "{\"kind\":\"message\",\"chatId\":\"-1\",\"messageId\":\"5\",\"level\":\"low\",\"queue\":null}"));

        Comparison.Result result = Comparison.of(before, after, new ObjectMapper());

        assertThat(result.compared()).isEqualTo(3);
        assertThat(result.moved()).extracting(Object::toString).containsExactly(
                "-1:1  level high -> low  queue doxxing -> none",
                "-1:3  queue review -> urgent");
        assertThat(result.onlyBefore()).containsExactly("-1:4");
        assertThat(result.onlyAfter()).containsExactly("-1:5");
    }
}
