package io.vigil.ingest.telegram.export;

import java.nio.file.Path;

/**
 * Something in an export that could not be replayed as written, said with coordinates and a code only: the file, the
 * line or the message id, never the message's text or a sender's name.
 *
 * @param messageId the export's message id, or null when the problem is not about one message
 * @param line      the line in the file, or 0 when not known
 * @param code      a stable code, counted in the summary: invalid_json, rest_unreadable, missing_id, bad_date,
 *                  missing_file, unknown_type, unknown_chat_type, ...
 */
public record ExportProblem(Path file, String chatId, Long messageId, long line, String code, String detail) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file.toString());
        if (line > 0) {
            where.append(" line ").append(line);
        }
        if (chatId != null) {
            where.append(" chat ").append(chatId);
        }
        if (messageId != null) {
            where.append(" message ").append(messageId);
        }
        return where + ": " + code + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
