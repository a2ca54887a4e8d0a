package io.vigil.compliance;

import io.vigil.compliance.statements.StatementPolicy;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DecidedMedia;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.GroupContext;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaRef;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NetworkContext;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records as the other services write them, for the compliance tests; synthetic ids, no personal data. */
public final class Fixtures {

    public static final Instant SENT = Instant.parse("2026-03-02T21:15:00Z");
    public static final Instant DECIDED = Instant.parse("2026-03-03T08:40:00Z");
    public static final Instant ISSUED = Instant.parse("2026-03-03T08:40:01Z");
    public static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static final String MD5 = "098f6bcd4621d373cade4e832627b4f6";
    public static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    private Fixtures() {
    }

    /** Tests' stand-ins for what every deployment sets: its identity provider and the instances' shared secret. */
    public static ConfigLoader loader() {
        return ConfigLoader.forService("compliance").environment(Map.of())
                .override("auth.oidc.issuer", "http://127.0.0.1:1/unused-issuer")
                .override("auth.peer-secret", "compliance-test-peer-secret-0123456789");
    }

    public static ComplianceConfig defaults() {
        return loader().load(ComplianceConfig.class);
    }

    public static StatementPolicy policy() {
        return defaults().statements();
    }

    public static String itemId(String chat, String message) {
        return "telegram:" + chat + ":" + message;
    }

    public static QueueItem photoItem(String chat, String message) {
        return QueueItem.newBuilder()
                .setItemId(itemId(chat, message)).setQueue("ncii").setPriority(1).setScore(0.97).setLevel(RiskLevel.CRITICAL)
                .setPlatform("telegram").setChatId(chat).setMessageId(message).setSenderId("user-77")
                .setSentAt(SENT).setEnqueuedAt(SENT.plusSeconds(1)).setCategories(List.of(ContentCategory.NCII))
                .setGroup(GroupContext.newBuilder().setKind(ChatKind.SUPERGROUP).setVisibility(Visibility.PUBLIC)
                        .setMemberCount(41_000).setTitle("synthetic group " + chat).build())
                .setMedia(List.of(MediaRef.newBuilder().setMediaId("media-1").setKind(MediaKind.PHOTO)
                        .setBlobUri("file:///2026/" + message + ".jpg").setSha256(SHA256).setMd5(MD5).setPdq(PDQ).setPdqQuality(100).build()))
                .setNetwork(NetworkContext.newBuilder().setClusters(List.of(ClusterSighting.newBuilder().setMediaIndex(0)
                        .setClusterId("cluster-9").setChats(3).setSightings(5).setReach(52_000)
                        .setFirstSeen(SENT.minusSeconds(86_400 * 4)).setLastSeen(SENT).setFirstChatId("chat-first").build())).build())
                .build();
    }

    public static EnforcementAction action(String chat, String message, EnforcementType type, ContentCategory category) {
        String decisionId = "decision-" + chat + "-" + message;
        return EnforcementAction.newBuilder()
                .setActionId(decisionId + ":" + type).setDecisionId(decisionId).setItemId(itemId(chat, message)).setType(type)
                .setPlatform("telegram").setChatId(chat).setMessageId(message).setSenderId("user-77").setCategory(category)
                .setQueue("ncii").setModeratorId("moderator-a").setDecidedAt(DECIDED).setIssuedAt(ISSUED)
                .setAutomatedDetection(true).setAutomatedDecision(false).build();
    }

    public static ModerationDecision decision(String chat, String message, ModerationAction action, ContentCategory category,
                                              String moderator) {
        return ModerationDecision.newBuilder()
                .setItemId(itemId(chat, message)).setQueue("ncii").setPlatform("telegram").setChatId(chat).setMessageId(message)
                .setAction(action).setModeratorId(moderator).setDecidedAt(DECIDED).setDecisionId("decision-" + chat + "-" + message)
                .setCategory(category).setSenderId("user-77")
                .setMedia(List.of(DecidedMedia.newBuilder().setMediaId("media-1").setSha256(SHA256).setMd5(MD5).setPdq(PDQ)
                        .setPdqQuality(100).setViewedByPerson(true).build()))
                .build();
    }
}
