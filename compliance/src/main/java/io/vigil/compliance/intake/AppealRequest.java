package io.vigil.compliance.intake;

/**
 * The body of {@code POST /api/appeals}, from the platform's backend: the decision the user contests (its id and the
 * message it was about, as the statement of reasons named them), who the user is, and what they say.
 */
public record AppealRequest(String decisionId, String platform, String chatId, String messageId, String appellantId, String explanation) {
}
