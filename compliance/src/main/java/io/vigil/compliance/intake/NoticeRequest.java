package io.vigil.compliance.intake;

/**
 * The body of {@code POST /api/notices}: where the content is, what the notifier says it is and why, the notifier's
 * statement of good faith, and how to reach them. {@code reporterType} is {@code user} or {@code authority} from the
 * platform's backend; a trusted flagger's own credential makes its notices trusted-flagger notices whatever it says.
 */
public record NoticeRequest(String platform, String chatId, String messageId, String category, String reporterType,
                            String explanation, Boolean goodFaith, String contactName, String contactEmail, String reporterReference) {
}
