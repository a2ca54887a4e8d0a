package io.vigil.standalone.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.Detection;
import io.vigil.schemas.LineageEvidence;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.NetworkContext;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.TextSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output writer fed RiskAssessments that carry the enricher's network memory (clusters, victim cases) and its
 * lineage records: what the spread, case and lineage lines say (BacktestCommandTest runs the real enricher).
 */
class BacktestResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static RiskAssessment assessment(String chat, String message, int minute, RiskLevel level, double score, NetworkContext network,
                                             TextSignal text) {
        Instant sentAt = T0.plusSeconds(60L * minute);
        Detection detection = Detection.newBuilder().setPlatform("telegram").setChatId(chat).setMessageId(message).setSenderId("1")
                .setSentAt(sentAt).setDetectedAt(sentAt).setText(text).build();
        return RiskAssessment.newBuilder().setPlatform("telegram").setChatId(chat).setMessageId(message).setSenderId("1")
                .setSentAt(sentAt).setAssessedAt(sentAt).setScore(score).setLevel(level)
                .setReasons(level == RiskLevel.NONE ? List.of() : List.of(RiskReason.newBuilder().setCode("bank_match")
                        .setDescription("matched a bank").setContribution(score).build()))
                .setNetwork(network).setDetection(detection).build();
    }

    private static ClusterSighting sighting(String cluster, int chats, long sightings, long reach, int minute) {
        return ClusterSighting.newBuilder().setMediaIndex(0).setClusterId(cluster).setChats(chats).setSightings(sightings).setReach(reach)
                .setFirstSeen(T0).setLastSeen(T0.plusSeconds(60L * minute)).build();
    }

    private static LineageRecord lineage(String chat, String predecessor, double score, String... codes) {
        List<LineageEvidence> evidence = java.util.Arrays.stream(codes)
                .map(code -> LineageEvidence.newBuilder().setCode(code).setDescription("in words: " + code).setWeight(0.3).build()).toList();
        return LineageRecord.newBuilder().setPlatform("telegram").setChatId(chat).setPredecessorChatId(predecessor).setRelation("recreation")
                .setScore(score).setEvidence(evidence).setDetectedAt(T0).build();
    }

    private static CaseSummary victimCase(String id, int items, long reach, int minute) {
        return CaseSummary.newBuilder().setCaseId(id).setItems(items).setChats(2).setReach(reach).setFirstSeen(T0)
                .setLastSeen(T0.plusSeconds(60L * minute)).build();
    }

    @Test
    void clustersSeenInTwoChatsCasesAndLineageBecomeTheirOwnLines() throws Exception {
        BacktestResults results = new BacktestResults();
        results.assessment(assessment("-1001", "10", 1, RiskLevel.HIGH, 0.8,
                NetworkContext.newBuilder().setClusters(List.of(sighting("c-spread", 1, 1, 500, 1), sighting("c-alone", 1, 1, 500, 1)))
                        .setVictimCase(victimCase("case-1", 1, 500, 1)).build(), null));
        results.assessment(assessment("-1002", "20", 5, RiskLevel.CRITICAL, 0.9,
                NetworkContext.newBuilder().setClusters(List.of(sighting("c-spread", 2, 2, 1_700, 5)))
                        .setVictimCase(victimCase("case-1", 2, 1_700, 5)).build(), null));
        // An assessment read late but older: it must not roll the cluster back.
        results.assessment(assessment("-1001", "11", 3, RiskLevel.HIGH, 0.8,
                NetworkContext.newBuilder().setClusters(List.of(sighting("c-spread", 1, 1, 500, 3))).build(), null));
        results.assessment(assessment("-1003", "30", 6, RiskLevel.NONE, 0.0, null, null));
        results.lineage(lineage("-1002", "-1008", 0.61, "similar_title", "after_takedown"));
        results.lineage(lineage("-1002", "-1009", 0.8234567, "shared_admins", "similar_title"));

        List<ObjectNode> lines = results.lines(JSON);

        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("message")).extracting(l -> l.get("messageId").asText())
                .containsExactly("10", "11", "20", "30");
        ObjectNode first = lines.get(0);
        assertThat(first.get("mediaClusters")).extracting(JsonNode::asText).containsExactly("c-spread", "c-alone");
        assertThat(first.get("caseId").asText()).isEqualTo("case-1");
        assertThat(lines.get(3).get("caseId").isNull()).isTrue();
        assertThat(lines.get(3).get("mediaClusters")).isEmpty();

        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("spread")).singleElement().satisfies(spread -> {
            assertThat(spread.get("clusterId").asText()).isEqualTo("c-spread");
            assertThat(spread.get("chats")).extracting(JsonNode::asText).containsExactly("-1001", "-1002");
            assertThat(spread.get("sightings").asLong()).isEqualTo(2);
            assertThat(spread.get("reach").asLong()).isEqualTo(1_700);
        });
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("case")).singleElement().satisfies(c -> {
            assertThat(c.get("messages")).extracting(JsonNode::asText).containsExactly("-1001:10", "-1002:20");
            assertThat(c.get("chats")).extracting(JsonNode::asText).containsExactly("-1001", "-1002");
            assertThat(c.get("reach").asLong()).isEqualTo(1_700);
        });
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("lineage")).as("the chat's latest record").singleElement().satisfies(l -> {
            assertThat(l.get("chatId").asText()).isEqualTo("-1002");
            assertThat(l.get("predecessorChatId").asText()).isEqualTo("-1009");
            assertThat(l.get("relation").asText()).isEqualTo("recreation");
            assertThat(l.get("score").asDouble()).isEqualTo(0.8235);
            assertThat(l.get("evidence")).extracting(JsonNode::asText).containsExactly("shared_admins", "similar_title");
        });
    }

    @Test
    void aCaseMergedIntoAnotherIsReportedAsPartOfTheCaseThatAbsorbedIt() {
        BacktestResults results = new BacktestResults();
        results.assessment(assessment("-1001", "10", 1, RiskLevel.HIGH, 0.8,
                NetworkContext.newBuilder().setVictimCase(victimCase("case-a", 1, 500, 1)).build(), null));
        results.assessment(assessment("-1002", "20", 2, RiskLevel.HIGH, 0.8,
                NetworkContext.newBuilder().setVictimCase(victimCase("case-b", 1, 1_200, 2)).build(), null));
        results.assessment(assessment("-1003", "30", 3, RiskLevel.CRITICAL, 0.9, NetworkContext.newBuilder()
                .setVictimCase(CaseSummary.newBuilder(victimCase("case-b", 3, 2_000, 3)).setMergedCaseIds(List.of("case-a")).build()).build(), null));

        List<ObjectNode> lines = results.lines(JSON);

        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("message")).extracting(l -> l.get("caseId").asText())
                .containsExactly("case-b", "case-b", "case-b");
        assertThat(lines).filteredOn(l -> l.get("kind").asText().equals("case")).singleElement().satisfies(c -> {
            assertThat(c.get("caseId").asText()).isEqualTo("case-b");
            assertThat(c.get("messages")).extracting(JsonNode::asText).containsExactly("-1001:10", "-1002:20", "-1003:30");
            assertThat(c.get("chats")).extracting(JsonNode::asText).containsExactly("-1001", "-1002", "-1003");
            assertThat(c.get("reach").asLong()).isEqualTo(2_000);
        });
    }

    @Test
    void aMessageLineCarriesItsQueueLevelAndEntitySpansButNoPersonalData() throws Exception {
        TextSignal text = TextSignal.newBuilder().setDoxxing(true).setScore(0.9).setEntities(List.of(PersonalDataEntity.newBuilder()
                .setType(PersonalDataType.PHONE).setStart(28).setEnd(40).setConfidence(0.95).setKeyedHash("ab".repeat(32))
                .setMaskedPreview("612 •• •• 78").build())).build();
        BacktestResults results = new BacktestResults();
        results.assessment(assessment("-1001", "10", 1, RiskLevel.HIGH, 0.7512345, null, text));
        results.queued(QueueItem.newBuilder().setItemId("i").setQueue("doxxing").setPriority(1).setScore(0.75).setLevel(RiskLevel.HIGH)
                .setPlatform("telegram").setChatId("-1001").setMessageId("10").setSenderId("1").setSentAt(T0).setEnqueuedAt(T0).build());
        Path out = dir.resolve("out.jsonl");

        results.write(out, JSON);

        String written = Files.readString(out);
        JsonNode line = JSON.readTree(written.lines().findFirst().orElseThrow());
        assertThat(line.get("queue").asText()).isEqualTo("doxxing");
        assertThat(line.get("level").asText()).isEqualTo("high");
        assertThat(line.get("score").asDouble()).isEqualTo(0.7512);
        assertThat(line.get("doxxing").asBoolean()).isTrue();
        assertThat(line.get("sentAt").asText()).isEqualTo("2026-01-01T00:01:00Z");
        assertThat(line.get("entities").get(0).toString()).isEqualTo("{\"type\":\"PHONE\",\"start\":28,\"end\":40}");
        assertThat(line.get("reasons")).extracting(JsonNode::asText).containsExactly("bank_match");
        assertThat(written).doesNotContain("612").doesNotContain("abab");
    }
}
