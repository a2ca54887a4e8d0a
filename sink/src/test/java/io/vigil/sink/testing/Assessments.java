package io.vigil.sink.testing;

import io.vigil.schemas.BankSource;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupContext;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.LineageNotice;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.NetworkContext;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.Visibility;

import java.time.Instant;
import java.util.List;

/** Risk assessments as the enricher writes them, with the network context (case, cluster, lineage) of issue 9. */
public final class Assessments {

    /** When the test messages were posted: the case's latest sighting. */
    public static final Instant SENT = Instant.parse("2026-11-23T09:00:00Z");

    private Assessments() {
    }

    public static RiskAssessment assessment(String chatId, String messageId, double score, ContentCategory... categories) {
        return assessment(chatId, messageId, "sender-1", score, null, categories);
    }

    public static RiskAssessment assessment(String chatId, String messageId, String senderId, double score, NetworkContext network,
                                            ContentCategory... categories) {
        HashMatch match = HashMatch.newBuilder().setBankId("platform-stay-down").setEntryId("e1").setCategory(ContentCategory.NCII)
                .setSource(BankSource.PLATFORM).setSignalType(SignalType.PDQ).setDistance(4)
                .setProvenance("confirmed by a moderator on 2026-11-01 in chat -1001").build();
        Detection detection = Detection.newBuilder().setPlatform("telegram").setChatId(chatId).setMessageId(messageId)
                .setSenderId(senderId).setSentAt(SENT).setDetectedAt(SENT)
                .setMedia(List.of(MediaSignal.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO)
                        .setBlobUri("file:///demo/" + messageId + ".jpg").setSha256("ab".repeat(32)).setMd5("cd".repeat(16))
                        .setPdq("ef".repeat(32)).setPdqQuality(90).setMatches(List.of(match)).build()))
                .build();
        return RiskAssessment.newBuilder().setPlatform("telegram").setChatId(chatId).setMessageId(messageId).setSenderId(senderId)
                .setSentAt(SENT).setAssessedAt(SENT).setScore(score)
                .setLevel(score >= 0.85 ? RiskLevel.CRITICAL : score >= 0.6 ? RiskLevel.HIGH : RiskLevel.MEDIUM)
                .setCategories(List.of(categories))
                .setReasons(List.of(new RiskReason("bank_match", "matches", score)))
                .setGroup(new GroupContext(ChatKind.SUPERGROUP, Visibility.PUBLIC, 41_000L, "synthetic group", 0))
                .setNetwork(network).setPolicyVersion("test-policy").setDetection(detection).build();
    }

    public static NetworkContext victimCase(String caseId, long reach) {
        return NetworkContext.newBuilder()
                .setClusters(List.of(cluster("cluster-9", reach)))
                .setVictimCase(CaseSummary.newBuilder().setCaseId(caseId).setItems(3).setChats(3).setReach(reach)
                        .setFirstSeen(Instant.parse("2026-11-20T08:00:00Z")).setLastSeen(Instant.parse("2026-11-23T09:00:00Z"))
                        .setScore(0.97).setSummary("this person's data and images: 3 groups, " + reach + " members reached").build())
                .setLineage(LineageNotice.newBuilder().setPredecessorChatId("chat-taken-down").setRelation("recreation").setScore(0.9)
                        .setSummary("re-creates chat-taken-down, taken down 2026-10-01").build())
                .build();
    }

    public static NetworkContext clusterOnly(String clusterId, long reach) {
        return NetworkContext.newBuilder().setClusters(List.of(cluster(clusterId, reach))).build();
    }

    private static ClusterSighting cluster(String clusterId, long reach) {
        return ClusterSighting.newBuilder().setMediaIndex(0).setClusterId(clusterId).setChats(3).setSightings(5).setReach(reach)
                .setFirstSeen(Instant.parse("2026-11-20T08:00:00Z")).setLastSeen(Instant.parse("2026-11-23T09:00:00Z")).build();
    }
}
