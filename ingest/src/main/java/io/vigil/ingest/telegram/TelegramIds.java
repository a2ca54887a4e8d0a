package io.vigil.ingest.telegram;

import java.util.Optional;

/**
 * Telegram's identifiers as the Bot API writes them, which is how Vigil keys chats and names senders everywhere.
 * Telegram Desktop exports write bare peer ids ({@code PeerToBareId}) and prefixed sender ids ({@code user…},
 * {@code channel…}, {@code chat…}); these methods turn them into the Bot API form (tdlib/telegram-bot-api
 * {@code Client.cpp}, {@code JsonChat}): a supergroup or channel is {@code -1000000000000 - id} (written
 * "-100" followed by the id for ids of 10 digits or more), a basic group is {@code -id}, a user is {@code +id}.
 */
public final class TelegramIds {

    /** A supergroup's or channel's Bot API id is this minus its bare id ({@code ZERO_CHANNEL_ID} in TDLib). */
    static final long CHANNEL_ID_BASE = -1_000_000_000_000L;

    /**
     * tdesktop's {@code kMigratedMessagesIdShift}: in a supergroup's export, the history of the basic group it was
     * migrated from comes first with every message id (and same-chat reply and pin id) shifted by this.
     */
    public static final long MIGRATED_MESSAGE_ID_SHIFT = -1_000_000_000L;

    private TelegramIds() {
    }

    /** The Bot API id of a chat an export names by its bare id and type, or empty for a type Telegram never wrote. */
    public static Optional<String> chatId(ExportChatType type, long bareId) {
        if (bareId <= 0) {
            return Optional.empty();
        }
        return switch (type.peer()) {
            case CHANNEL -> Optional.of(Long.toString(CHANNEL_ID_BASE - bareId));
            case BASIC_GROUP -> Optional.of(Long.toString(-bareId));
            case USER -> Optional.of(Long.toString(bareId));
            case UNKNOWN -> Optional.empty();
        };
    }

    /** The Bot API id of a supergroup or channel from its bare id. */
    public static String channelChatId(long bareId) {
        return Long.toString(CHANNEL_ID_BASE - bareId);
    }

    /**
     * A sender as MessageEvent.senderId names it, from an export's {@code from_id} or {@code actor_id}:
     * {@code user6120448731} is the user {@code 6120448731}; {@code channel<id>} (a channel's post, an anonymous
     * admin posting as the group, a linked channel) is that chat, {@code -100<id>}; {@code chat<id>} is a basic
     * group, {@code -<id>}. Exports before April 2021 wrote a bare number, a user id. Empty when unreadable.
     */
    public static Optional<String> senderId(String exportFromId) {
        if (exportFromId == null || exportFromId.isBlank()) {
            return Optional.empty();
        }
        String value = exportFromId.strip();
        try {
            if (value.startsWith("user")) {
                return positive(value.substring(4)).map(id -> Long.toString(id));
            }
            if (value.startsWith("channel")) {
                return positive(value.substring(7)).map(TelegramIds::channelChatId);
            }
            if (value.startsWith("chat")) {
                return positive(value.substring(4)).map(id -> Long.toString(-id));
            }
            return positive(value).map(id -> Long.toString(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A sender id as an operator writes it in a groups file: the export's form ({@code user123}, {@code channel123})
     * or the Bot API's ({@code 123}, {@code -100123}).
     */
    public static Optional<String> senderIdFromEitherForm(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.matches("-?\\d{1,19}")) {
            return Optional.of(Long.toString(Long.parseLong(v)));
        }
        return senderId(v);
    }

    /** A chat id in the Bot API form, as an operator writes it: an integer, possibly negative. */
    public static Optional<String> botApiChatId(String value) {
        if (value == null || !value.strip().matches("-?\\d{1,19}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.toString(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether an export message id belongs to the migrated basic-group history at the start of a supergroup's export. */
    public static boolean isMigratedHistoryId(long exportMessageId) {
        return exportMessageId < 0 && exportMessageId > MIGRATED_MESSAGE_ID_SHIFT - 1;
    }

    /** The message id a migrated basic-group message had in its own chat: the export's id with the shift undone. */
    public static long originalMessageId(long exportMessageId) {
        return isMigratedHistoryId(exportMessageId) ? exportMessageId - MIGRATED_MESSAGE_ID_SHIFT : exportMessageId;
    }

    private static Optional<Long> positive(String digits) {
        long id = Long.parseLong(digits);
        return id > 0 ? Optional.of(id) : Optional.empty();
    }
}
