package io.vigil.ingest.telegram.export;

import io.vigil.ingest.telegram.ExportChatType;
import io.vigil.ingest.telegram.TelegramIds;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A chat as an export introduces it, before its messages: {@code name}, {@code type} and bare {@code id}.
 *
 * @param file     the result.json it is in
 * @param ordinal  its place in that file (0 for a single-chat export; dialog order in a full export)
 * @param mediaDir the directory its media paths are relative to (the result.json's directory in both layouts)
 */
public record ExportChat(Path file, int ordinal, String name, ExportChatType type, long bareId, Path mediaDir) {

    /** The chat's id as the Bot API writes it, or empty when the export did not give a usable type and id. */
    public Optional<String> chatId() {
        return TelegramIds.chatId(type, bareId);
    }

    /** Where the chat is, for reports: the file and the chat id (never its name). */
    public String where() {
        return file + chatId().map(id -> " chat " + id).orElse(" chat #" + ordinal);
    }
}
