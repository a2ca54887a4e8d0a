package io.vigil.detector.steps;

import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.TextEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Refuses events that no later step can handle honestly: without their identifiers a detection could not be traced
 * back to the message, an event keyed by something other than its chat breaks per-group order, and an event whose
 * shape no platform produces (ids of kilobytes, platform entities outside the text, a timestamp decades off, more
 * media than a message holds) is corrupt or hostile. Each refusal is a dead letter with its reason.
 */
public final class MessageValidation {

    /** Telegram's ids are 64-bit numbers and file ids ~100 characters; anything this long is no id. */
    static final int MAX_ID_CHARS = 256;
    /** RFC 6838 caps a media type at 127 + 1 + 127 characters. */
    static final int MAX_MIME_CHARS = 255;
    /** Before any platform Vigil reads existed (Telegram: 2013); an earlier sentAt is a broken clock or a forged event. */
    static final Instant EARLIEST_SENT_AT = Instant.parse("2000-01-01T00:00:00Z");
    /** Clocks drift; a day ahead is not drift. */
    static final Duration MAX_CLOCK_AHEAD = Duration.ofDays(1);

    private final int maxMediaPerMessage;
    private final Clock clock;

    public MessageValidation(int maxMediaPerMessage, Clock clock) {
        this.maxMediaPerMessage = maxMediaPerMessage;
        this.clock = clock;
    }

    public MessageEvent check(String key, MessageEvent event) {
        if (key == null) {
            throw new RejectedRecordException("missing_key", "message event has no key (it must be keyed by its chat id)");
        }
        if (event == null) {
            throw new RejectedRecordException("tombstone", "message events are not deleted: a tombstone is no message");
        }
        requireId(event.getPlatform(), "platform");
        requireId(event.getChatId(), "chat id");
        requireId(event.getMessageId(), "message id");
        requireId(event.getSenderId(), "sender id");
        if (!event.getChatId().equals(key)) {
            throw new RejectedRecordException("key_not_chat_id", "message event must be keyed by its chat id");
        }
        Instant sentAt = event.getSentAt();
        if (sentAt.isBefore(EARLIEST_SENT_AT) || sentAt.isAfter(clock.instant().plus(MAX_CLOCK_AHEAD))) {
            throw new RejectedRecordException("implausible_timestamp", "message event's sentAt (" + sentAt
                    + ") is before " + EARLIEST_SENT_AT + " or more than " + MAX_CLOCK_AHEAD.toHours() + " h ahead of this clock");
        }
        checkEntities(event);
        if (event.getMedia().size() > maxMediaPerMessage) {
            throw new RejectedRecordException("too_many_media", "message carries " + event.getMedia().size()
                    + " media items, more than the " + maxMediaPerMessage + " a message can have");
        }
        for (MediaItem item : event.getMedia()) {
            requireId(item.getMediaId(), "media id");
            if (item.getMime() != null && item.getMime().length() > MAX_MIME_CHARS) {
                throw new RejectedRecordException("invalid_mime", "a media item's mime type is " + item.getMime().length()
                        + " characters, more than the " + MAX_MIME_CHARS + " a media type can have");
            }
        }
        return event;
    }

    /**
     * Platform entities mark spans of the text (offsets in UTF-16 units, as Java counts): more entities than the text
     * has characters, or a span outside it, is no message a platform produced.
     */
    private static void checkEntities(MessageEvent event) {
        int textLength = event.getText() == null ? 0 : event.getText().length();
        if (event.getEntities().size() > Math.max(textLength, 1)) {
            throw new RejectedRecordException("invalid_entities", "message event declares " + event.getEntities().size()
                    + " text entities for a text of " + textLength + " characters");
        }
        for (TextEntity entity : event.getEntities()) {
            long end = (long) entity.getOffset() + entity.getLength();
            if (entity.getOffset() < 0 || entity.getLength() < 0 || end > textLength) {
                throw new RejectedRecordException("invalid_entities", "a text entity spans " + entity.getOffset() + "+"
                        + entity.getLength() + ", outside the text of " + textLength + " characters");
            }
        }
    }

    private static void requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RejectedRecordException("missing_" + what.replace(' ', '_'), "message event has no " + what);
        }
        if (value.length() > MAX_ID_CHARS) {
            throw new RejectedRecordException("invalid_" + what.replace(' ', '_'), "message event's " + what + " is "
                    + value.length() + " characters, more than the " + MAX_ID_CHARS + " an id can have");
        }
    }
}
