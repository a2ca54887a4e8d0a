package io.vigil.ingest.replay;

import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.MessageEvent;

/**
 * One event of a replay, in event time: a message or something that happened to a chat.
 *
 * @param sentAt            event time, epoch milliseconds (the merge order)
 * @param forwardedFromName an export's {@code forwarded_from} (a name, never written anywhere): used only to find the
 *                          origin chat among the replayed chats by its title, then dropped
 */
public record ReplayEvent(long sentAt, String chatId, MessageEvent message, GroupEvent groupEvent, String forwardedFromName) {

    public static ReplayEvent of(MessageEvent message, String forwardedFromName) {
        return new ReplayEvent(message.getSentAt().toEpochMilli(), message.getChatId(), message, null, forwardedFromName);
    }

    public static ReplayEvent of(GroupEvent event) {
        return new ReplayEvent(event.getOccurredAt().toEpochMilli(), event.getChatId(), null, event, null);
    }

    public boolean isMessage() {
        return message != null;
    }

    /**
     * What makes the event itself, so that writing it twice can be noticed: a message by chat, id and edit time
     * (an edit is a new event), a group event by its deterministic id.
     */
    public String identity() {
        return isMessage() ? EventIdentity.of(message) : EventIdentity.of(groupEvent);
    }
}
