package io.vigil.sink.notices;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeRef;
import io.vigil.schemas.NoticeReporterType;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.evidence.ReasonCodes;
import io.vigil.sink.routing.NoticeRouting;
import io.vigil.sink.routing.QueueRule;
import io.vigil.sink.routing.RoutingPolicy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A notice (DSA Art. 16) as evidence on a moderator's item: on the open item about its message (same queue, same
 * case), or on a new item in the queue of its category when there is none, or when the message's item was already
 * decided (the notifier still gets a decision on their notice). The notifier's words become a reason the moderator
 * reads; a trusted flagger's notice (Art. 22) makes the item at least HIGH, and first among its level (WorkOrder).
 */
public final class NoticeEvidence {

    static final int MAX_EXPLANATION_CHARS = 500;

    private final NoticeRouting routing;
    private final RoutingPolicy queues;

    public NoticeEvidence(NoticeRouting routing, RoutingPolicy queues) {
        this.routing = routing;
        this.queues = queues;
    }

    public static String itemId(Notice notice) {
        return notice.getPlatform() + ":" + notice.getChatId() + ":" + notice.getMessageId();
    }

    /** The item for a notice about a message whose item was decided before the notice came. */
    public static String reopenedItemId(String decidedItemId, String noticeId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(noticeId.getBytes(StandardCharsets.UTF_8));
            return decidedItemId + ".notice-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The open item with the notice added (once), its reason, its category, and a trusted flagger's priority. */
    public QueueItem attach(QueueItem item, Notice notice) {
        if (item.getNotices().stream().anyMatch(n -> n.getNoticeId().equals(notice.getNoticeId()))) {
            return item;
        }
        List<NoticeRef> notices = new ArrayList<>(item.getNotices());
        notices.add(ref(notice));
        List<RiskReason> reasons = new ArrayList<>(item.getReasons());
        reasons.add(reason(notice));
        List<ContentCategory> categories = new ArrayList<>(item.getCategories());
        if (notice.getCategory() != null && !categories.contains(notice.getCategory())) {
            categories.add(notice.getCategory());
        }
        return QueueItem.newBuilder(item).setNotices(notices).setReasons(reasons).setCategories(categories)
                .setLevel(level(item.getLevel(), notice)).build();
    }

    /** A new item for a notice about a message no open item is about. */
    public QueueItem newItem(Notice notice, String itemId, Instant now) {
        String queue = routing.queue(notice.getCategory());
        int priority = queues.queues().stream().filter(q -> q.name().equals(queue)).mapToInt(QueueRule::priority).findFirst().orElse(0);
        return QueueItem.newBuilder()
                .setItemId(itemId).setQueue(queue).setPriority(priority).setScore(0.0)
                .setLevel(level(RiskLevel.MEDIUM, notice))
                .setPlatform(notice.getPlatform()).setChatId(notice.getChatId()).setMessageId(notice.getMessageId())
                // The platform's notice names the message, not its sender or time; the moderator opens it on the platform.
                .setSenderId("").setSentAt(notice.getReceivedAt()).setEnqueuedAt(now)
                .setCategories(notice.getCategory() == null ? List.of() : List.of(notice.getCategory()))
                .setReasons(List.of(reason(notice)))
                .setNotices(List.of(ref(notice)))
                .build();
    }

    private static RiskLevel level(RiskLevel current, Notice notice) {
        if (notice.getReporterType() == NoticeReporterType.TRUSTED_FLAGGER && current.ordinal() < RiskLevel.HIGH.ordinal()) {
            return RiskLevel.HIGH;
        }
        return current;
    }

    private static NoticeRef ref(Notice notice) {
        String explanation = notice.getExplanation();
        return NoticeRef.newBuilder().setNoticeId(notice.getNoticeId()).setReporterType(notice.getReporterType())
                .setCategory(notice.getCategory()).setReceivedAt(notice.getReceivedAt())
                .setExplanation(explanation.length() > MAX_EXPLANATION_CHARS ? explanation.substring(0, MAX_EXPLANATION_CHARS) + "…" : explanation)
                .build();
    }

    private static RiskReason reason(Notice notice) {
        boolean trusted = notice.getReporterType() == NoticeReporterType.TRUSTED_FLAGGER;
        String who = switch (notice.getReporterType()) {
            case TRUSTED_FLAGGER -> "a trusted flagger";
            case AUTHORITY -> "an authority";
            default -> "a user";
        };
        String what = notice.getCategory() == null ? "content it did not name" : notice.getCategory().name().toLowerCase(Locale.ROOT);
        String explanation = notice.getExplanation();
        return new RiskReason(trusted ? ReasonCodes.TRUSTED_FLAGGER_NOTICE : ReasonCodes.NOTICE,
                "Notice from " + who + " (" + what + "): " + (explanation.length() > MAX_EXPLANATION_CHARS
                        ? explanation.substring(0, MAX_EXPLANATION_CHARS) + "…" : explanation), 0.0);
    }
}
