package io.vigil.compliance.intake;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeReporterType;
import io.vigil.schemas.NoticeResponse;
import io.vigil.schemas.NoticeResponseKind;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Checks a notice against what DSA Art. 16(2) asks of one and turns it into the {@code Notice} contract and its
 * acknowledgement (Art. 16(4)): the location (platform, chat, message), a substantiated explanation, the notifier's
 * statement of good faith, and a way to reach the notifier (an email, or the platform's reference of its user),
 * which Art. 16(2)(c) does not require for child sexual abuse material. Every problem is reported at once.
 */
public final class NoticeIntake {

    public static final int MAX_EXPLANATION = 10_000;
    public static final int MAX_CONTACT = 320;

    /** The notice and the acknowledgement of its receipt, written together. */
    public record Accepted(Notice notice, NoticeResponse receipt) {
    }

    private final Clock clock;

    public NoticeIntake(Clock clock) {
        this.clock = clock;
    }

    public Accepted accept(NoticeRequest request, Notifier notifier) throws IntakeProblems {
        List<String> problems = new ArrayList<>();
        if (request == null) {
            throw new IntakeProblems(List.of("body: a JSON notice is required"));
        }
        Identifiers.check(request.platform(), "platform", problems);
        Identifiers.check(request.chatId(), "chatId", problems);
        Identifiers.check(request.messageId(), "messageId", problems);
        ContentCategory category = category(request.category(), problems);
        NoticeReporterType reporterType = reporterType(request.reporterType(), notifier, problems);
        if (request.explanation() == null || request.explanation().isBlank()) {
            problems.add("explanation: required (why the notifier considers the content illegal, Art. 16(2)(a))");
        } else if (request.explanation().length() > MAX_EXPLANATION) {
            problems.add("explanation: at most " + MAX_EXPLANATION + " characters");
        }
        if (!Boolean.TRUE.equals(request.goodFaith())) {
            problems.add("goodFaith: must be true, the notifier's statement of bona fide belief (Art. 16(2)(d))");
        }
        boolean reachable = present(request.contactEmail()) || present(request.reporterReference()) || notifier.trustedFlagger();
        if (!reachable && category != ContentCategory.CSAM) {
            problems.add("contactEmail: required, or reporterReference (Art. 16(2)(c); not for child sexual abuse material)");
        }
        if (present(request.contactEmail()) && !request.contactEmail().matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
            problems.add("contactEmail: not an email address");
        }
        if (length(request.contactName()) > MAX_CONTACT || length(request.reporterReference()) > MAX_CONTACT) {
            problems.add("contactName, reporterReference: at most " + MAX_CONTACT + " characters");
        }
        if (!problems.isEmpty()) {
            throw new IntakeProblems(problems);
        }
        Instant now = clock.instant();
        Notice notice = Notice.newBuilder()
                .setNoticeId("notice-" + UUID.randomUUID())
                .setReceivedAt(now)
                .setReporterType(reporterType)
                .setSubmittedBy(notifier.subject())
                .setReporterReference(blankToNull(request.reporterReference()))
                .setCategory(category)
                .setPlatform(request.platform())
                .setChatId(request.chatId())
                .setMessageId(request.messageId())
                .setExplanation(request.explanation())
                .setGoodFaith(true)
                .setContactName(blankToNull(request.contactName()))
                .setContactEmail(blankToNull(request.contactEmail()))
                .build();
        NoticeResponse receipt = NoticeResponse.newBuilder()
                .setNoticeId(notice.getNoticeId()).setKind(NoticeResponseKind.RECEIVED).setAt(now)
                .setSubmittedBy(notice.getSubmittedBy()).setReporterReference(notice.getReporterReference())
                .setPlatform(notice.getPlatform()).setChatId(notice.getChatId()).setMessageId(notice.getMessageId())
                .setOutcome("The notice was received and will be reviewed.").build();
        return new Accepted(notice, receipt);
    }

    private static ContentCategory category(String value, List<String> problems) {
        if (!present(value)) {
            return null;
        }
        try {
            ContentCategory category = ContentCategory.valueOf(value.strip().toUpperCase(Locale.ROOT));
            return category == ContentCategory.OTHER ? null : category;
        } catch (IllegalArgumentException e) {
            problems.add("category: one of " + List.of(ContentCategory.values()) + ", or absent when not specified");
            return null;
        }
    }

    private static NoticeReporterType reporterType(String value, Notifier notifier, List<String> problems) {
        if (notifier.trustedFlagger()) {
            return NoticeReporterType.TRUSTED_FLAGGER;
        }
        String type = present(value) ? value.strip().toLowerCase(Locale.ROOT) : "user";
        return switch (type) {
            case "user" -> NoticeReporterType.USER;
            case "authority" -> NoticeReporterType.AUTHORITY;
            default -> {
                problems.add("reporterType: user or authority (trusted flaggers post with their own credential)");
                yield NoticeReporterType.UNKNOWN;
            }
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static String blankToNull(String value) {
        return present(value) ? value.strip() : null;
    }
}
