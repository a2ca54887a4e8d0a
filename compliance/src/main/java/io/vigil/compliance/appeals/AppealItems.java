package io.vigil.compliance.appeals;

import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealRef;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DecidedMedia;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaRef;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.evidence.ReasonCodes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * An appeal as work for a moderator: a queue item about the same message as the contested decision (so that a
 * reversal restores that message), with the decision's content as its item had it (media, group, spread), the
 * appeal's facts as its first reason, and the appeal itself ({@link AppealRef}) so that the workflow keeps the original
 * moderator from deciding it. Its item id is the original's with the appeal's suffix, so both stay in the queue state.
 */
public final class AppealItems {

    static final int MAX_REASON_CHARS = 1000;

    private final AppealPolicy policy;

    public AppealItems(AppealPolicy policy) {
        this.policy = policy;
    }

    public static String itemId(String originalItemId, String appealId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(appealId.getBytes(StandardCharsets.UTF_8));
            return originalItemId + ".appeal-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The enriched appeal (who took the decision) and its queue item. */
    public record Routed(Appeal appeal, QueueItem item) {
    }

    public Routed route(Appeal appeal, ModerationDecision decision, QueueItem original, Instant now) {
        Appeal enriched = Appeal.newBuilder(appeal).setOriginalModeratorId(decision.getModeratorId()).build();
        AppealRef ref = AppealRef.newBuilder()
                .setAppealId(appeal.getAppealId()).setDecisionId(decision.getDecisionId())
                .setOriginalModeratorId(decision.getModeratorId()).setOriginalAction(decision.getAction())
                .setAppellantId(appeal.getAppellantId()).setExplanation(appeal.getExplanation()).setReceivedAt(appeal.getReceivedAt())
                .build();
        String words = "Appeal by the affected user against the decision '" + decision.getAction().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + "' of " + decision.getDecidedAt() + "; decide it as somebody else than its moderator"
                + (appeal.getExplanation().isBlank() ? "." : ". The user says: " + appeal.getExplanation());
        RiskReason reason = new RiskReason(ReasonCodes.APPEAL, words.length() > MAX_REASON_CHARS ? words.substring(0, MAX_REASON_CHARS) + "…" : words, 0.0);
        QueueItem.Builder item = QueueItem.newBuilder()
                .setItemId(itemId(decision.getItemId(), appeal.getAppealId()))
                .setQueue(policy.queue())
                .setPriority(policy.priority())
                .setPlatform(decision.getPlatform())
                .setChatId(decision.getChatId())
                .setMessageId(decision.getMessageId())
                .setEnqueuedAt(now)
                .setAppeal(ref);
        if (original != null) {
            item.setScore(original.getScore()).setLevel(original.getLevel()).setSenderId(original.getSenderId())
                    .setSentAt(original.getSentAt()).setCategories(original.getCategories()).setGroup(original.getGroup())
                    .setMedia(original.getMedia()).setExposedData(original.getExposedData()).setNetwork(original.getNetwork())
                    .setPolicyVersion(original.getPolicyVersion())
                    .setReasons(prepend(reason, original.getReasons()));
        } else {
            // The item is no longer remembered: the decision's hashes still identify the media.
            item.setScore(0.0).setLevel(RiskLevel.NONE).setSenderId(decision.getSenderId() == null ? "" : decision.getSenderId())
                    .setSentAt(decision.getDecidedAt())
                    .setCategories(decision.getCategory() == null ? List.<ContentCategory>of() : List.of(decision.getCategory()))
                    .setMedia(decision.getMedia().stream().map(AppealItems::mediaRef).toList())
                    .setReasons(List.of(reason));
        }
        return new Routed(enriched, item.build());
    }

    private static List<RiskReason> prepend(RiskReason first, List<RiskReason> rest) {
        java.util.ArrayList<RiskReason> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static MediaRef mediaRef(DecidedMedia media) {
        return MediaRef.newBuilder().setMediaId(media.getMediaId()).setKind(MediaKind.UNKNOWN).setSha256(media.getSha256())
                .setMd5(media.getMd5()).setPdq(media.getPdq()).setPdqQuality(media.getPdqQuality()).build();
    }
}
