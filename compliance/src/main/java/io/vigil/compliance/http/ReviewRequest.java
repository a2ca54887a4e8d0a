package io.vigil.compliance.http;

/** The body of a CyberTipline report's review: the report's chat, confirmed or not, and a note. */
public record ReviewRequest(String chatId, Boolean confirmed, String note) {
}
