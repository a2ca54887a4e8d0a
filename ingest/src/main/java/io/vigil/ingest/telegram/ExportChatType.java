package io.vigil.ingest.telegram;

import io.vigil.schemas.ChatKind;
import io.vigil.schemas.Visibility;

import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code type} of a chat in a Telegram Desktop export ({@code DialogTypeFromChat/User} in tdesktop's
 * {@code export_data_types.cpp}): the peer kind and, for groups and channels, whether it has a public username.
 */
public enum ExportChatType {
    PERSONAL_CHAT("personal_chat", Peer.USER, ChatKind.PRIVATE, Visibility.PRIVATE),
    BOT_CHAT("bot_chat", Peer.USER, ChatKind.PRIVATE, Visibility.PRIVATE),
    SAVED_MESSAGES("saved_messages", Peer.USER, ChatKind.PRIVATE, Visibility.PRIVATE),
    REPLIES("replies", Peer.USER, ChatKind.PRIVATE, Visibility.PRIVATE),
    VERIFICATION_CODES("verification_codes", Peer.USER, ChatKind.PRIVATE, Visibility.PRIVATE),
    PRIVATE_GROUP("private_group", Peer.BASIC_GROUP, ChatKind.GROUP, Visibility.PRIVATE),
    PRIVATE_SUPERGROUP("private_supergroup", Peer.CHANNEL, ChatKind.SUPERGROUP, Visibility.PRIVATE),
    PUBLIC_SUPERGROUP("public_supergroup", Peer.CHANNEL, ChatKind.SUPERGROUP, Visibility.PUBLIC),
    PRIVATE_CHANNEL("private_channel", Peer.CHANNEL, ChatKind.CHANNEL, Visibility.PRIVATE),
    PUBLIC_CHANNEL("public_channel", Peer.CHANNEL, ChatKind.CHANNEL, Visibility.PUBLIC),
    UNKNOWN("", Peer.UNKNOWN, ChatKind.UNKNOWN, Visibility.UNKNOWN);

    /** How the Bot API forms the chat's id. */
    public enum Peer { USER, BASIC_GROUP, CHANNEL, UNKNOWN }

    private final String exportName;
    private final Peer peer;
    private final ChatKind kind;
    private final Visibility visibility;

    ExportChatType(String exportName, Peer peer, ChatKind kind, Visibility visibility) {
        this.exportName = exportName;
        this.peer = peer;
        this.kind = kind;
        this.visibility = visibility;
    }

    public static ExportChatType of(String exportName) {
        String name = exportName == null ? "" : exportName.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t != UNKNOWN && t.exportName.equals(name)).findFirst().orElse(UNKNOWN);
    }

    public String exportName() {
        return exportName;
    }

    public Peer peer() {
        return peer;
    }

    public ChatKind kind() {
        return kind;
    }

    public Visibility visibility() {
        return visibility;
    }

    /** A group or channel: what Vigil watches. One-to-one chats are replayed only when asked for. */
    public boolean isGroupOrChannel() {
        return peer == Peer.BASIC_GROUP || peer == Peer.CHANNEL;
    }

    public boolean isBroadcastChannel() {
        return kind == ChatKind.CHANNEL;
    }
}
