package io.vigil.schemas.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void chatKeyedTopicsShareTheDeploymentsPartitionCountSoJoinsNeedNoRepartition() {
        List<TopicSpec> chatKeyed = Topics.all(List.of("urgent")).stream()
                .filter(t -> t.key().equals("chat id")).toList();

        assertThat(chatKeyed).extracting(t -> t.partitions(12)).containsOnly(12);
        assertThat(chatKeyed).extracting(TopicSpec::name)
                .contains("message-events", "group-metadata", "detections", "risk-assessments", "moderation-decisions", "queue.urgent");
    }

    @Test
    void hashBankIsOneCompactedPartitionKeptForever() {
        NewTopic bank = Topics.HASH_BANK.toNewTopic(12, (short) 3);

        assertThat(bank.numPartitions()).isEqualTo(1);
        assertThat(bank.configs()).containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "-1")
                .containsEntry("min.insync.replicas", "2");
    }

    @Test
    void deadLettersAreKeptNoLongerThanAnyTopicTheyComeFrom() {
        for (TopicSpec topic : Topics.all(List.of("urgent"))) {
            topic.retention().ifPresent(kept -> assertThat(Topics.DEAD_LETTERS.retention().orElseThrow())
                    .as("dead letters of %s", topic.name()).isLessThanOrEqualTo(kept));
        }
    }

    @Test
    void queueNamesAreValidatedBecauseTheyBecomeTopicNames() {
        assertThat(Topics.queue("ncii-urgent").name()).isEqualTo("queue.ncii-urgent");
        assertThatThrownBy(() -> Topics.queue("../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Topics.queue("Urgent")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readmeCarriesTheGeneratedTopicTable() throws Exception {
        Path readme = Path.of("..", "README.md");

        assertThat(Files.readString(readme))
                .as("README.md's topic table must be the catalogue's; paste Topics.markdownTable() into it")
                .contains(Topics.markdownTable());
    }
}
