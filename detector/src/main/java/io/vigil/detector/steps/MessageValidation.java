package io.vigil.detector.steps;

import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MessageEvent;

/**
 * Refuses events that no later step can handle honestly: without their identifiers a detection could not be traced
 * back to the message, and an event keyed by something other than its chat breaks per-group order.
 */
public final class MessageValidation {

    private final int maxMediaPerMessage;

    public MessageValidation(int maxMediaPerMessage) {
        this.maxMediaPerMessage = maxMediaPerMessage;
    }

    public MessageEvent check(String key, MessageEvent event) {
        requirePresent(event.getPlatform(), "platform");
        requirePresent(event.getChatId(), "chat id");
        requirePresent(event.getMessageId(), "message id");
        requirePresent(event.getSenderId(), "sender id");
        if (!event.getChatId().equals(key)) {
            throw new RejectedRecordException("key_not_chat_id", "message event must be keyed by its chat id");
        }
        if (event.getMedia().size() > maxMediaPerMessage) {
            throw new RejectedRecordException("too_many_media", "message carries " + event.getMedia().size()
                    + " media items, more than the " + maxMediaPerMessage + " a message can have");
        }
        for (MediaItem item : event.getMedia()) {
            requirePresent(item.getMediaId(), "media id");
        }
        return event;
    }

    private static void requirePresent(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException("missing_" + what.replace(' ', '_'), "message event has no " + what);
        }
    }
}
