package io.vigil.sink.http;

/** What the moderator page posts to decide on an item. */
public record DecisionRequest(String platform, String chatId, String messageId, String queue, String action, String note) {
}
