package io.vigil.sink.http;

/**
 * What the moderator page posts to claim, release, escalate, decide or reveal; each route reads the fields it needs.
 *
 * @param chatId   the item's chat, as the page saw it (checked against the queue state)
 * @param queue    the queue the page saw the item in (checked likewise)
 * @param action   for decisions: CONFIRMED_REMOVE, CONFIRMED_REMOVE_AND_BAN, CONFIRMED_RESTRICT_CHAT, DISMISSED_*
 * @param category for confirming decisions, what the content is (the item's category if absent)
 * @param reason   for escalations, reveal requests and reveals: why, in the moderator's words
 * @param moderatorId for reveal approvals: whose request a senior approves
 */
public record CommandRequest(String chatId, String queue, String action, String category, String note, String reason, String moderatorId) {
}
