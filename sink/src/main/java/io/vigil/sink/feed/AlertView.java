package io.vigil.sink.feed;

import io.vigil.schemas.GroupContext;
import io.vigil.schemas.LineageNotice;
import io.vigil.schemas.MediaRef;
import io.vigil.schemas.NetworkContext;
import io.vigil.schemas.QueueItem;
import io.vigil.sink.work.CaseKey;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A queue item as the moderator page shows it. Media appear only as links to blurred previews: the page never
 * receives a blob location, a hash or an unblurred image unless a moderator reveals one.
 */
public record AlertView(
        String id,
        String itemId,
        String queue,
        int priority,
        double score,
        String level,
        String platform,
        String chatId,
        String messageId,
        String senderId,
        long sentAt,
        long enqueuedAt,
        String caseId,
        long reach,
        List<String> categories,
        List<Reason> reasons,
        Group group,
        List<Media> media,
        List<Exposed> exposedData,
        String maskedText,
        Lineage lineage) {

    public record Reason(String code, String description, double contribution) {
    }

    public record Group(String kind, String visibility, long memberCount, String title, int strikeCount) {
    }

    /** @param provenance where a matched bank entry came from (a stay-down entry names the decision that made it) */
    public record Media(int index, String mediaId, String kind, List<String> matchedBanks, Double explicitNudity,
                        List<String> provenance, String previewUrl) {
    }

    /** Personal data the message exposes, masked. */
    public record Exposed(String type, String maskedPreview) {
    }

    /** This chat continues another one (a re-creation after a takedown, or a migration). */
    public record Lineage(String predecessorChatId, String relation, double score, String summary) {
    }

    public static AlertView of(String id, QueueItem item) {
        List<Media> media = new ArrayList<>();
        for (int i = 0; i < item.getMedia().size(); i++) {
            MediaRef ref = item.getMedia().get(i);
            media.add(new Media(i, ref.getMediaId(), lower(ref.getKind().name()), ref.getMatchedBanks(), ref.getExplicitNudity(),
                    ref.getProvenance(), "/api/media/" + urlPart(item.getChatId()) + "/" + urlPart(item.getItemId()) + "/" + i));
        }
        GroupContext group = item.getGroup();
        NetworkContext network = item.getNetwork();
        LineageNotice lineage = network == null ? null : network.getLineage();
        return new AlertView(id, item.getItemId(), item.getQueue(), item.getPriority(), item.getScore(),
                lower(item.getLevel().name()), item.getPlatform(), item.getChatId(), item.getMessageId(), item.getSenderId(),
                item.getSentAt().toEpochMilli(), item.getEnqueuedAt().toEpochMilli(), CaseKey.of(item), CaseKey.reach(item),
                item.getCategories().stream().map(c -> lower(c.name())).toList(),
                item.getReasons().stream().map(r -> new Reason(r.getCode(), r.getDescription(), r.getContribution())).toList(),
                group == null ? null : new Group(lower(group.getKind().name()), lower(group.getVisibility().name()),
                        group.getMemberCount(), group.getTitle(), group.getStrikeCount()),
                media,
                item.getExposedData().stream().map(e -> new Exposed(lower(e.getType().name()), e.getMaskedPreview())).toList(),
                item.getMaskedText(),
                lineage == null ? null : new Lineage(lineage.getPredecessorChatId(), lineage.getRelation(), lineage.getScore(),
                        lineage.getSummary()));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String urlPart(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
