package io.vigil.ingest.replay;

import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.MessageEvent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The identity of an event already on a topic, and its 64-bit fingerprint: a replay keeps the fingerprints of what the
 * topics hold for its chats (8 bytes each) rather than the events. Two different events share a fingerprint with
 * probability about n²/2⁶⁵: one in 37 million for a million events.
 */
public final class EventIdentity {

    private EventIdentity() {
    }

    public static String of(MessageEvent message) {
        return "message|" + message.getChatId() + "|" + message.getMessageId() + "|"
                + (message.getEditedAt() == null ? "" : Long.toString(message.getEditedAt().toEpochMilli()));
    }

    public static String of(GroupEvent event) {
        return "group-event|" + event.getEventId();
    }

    public static long fingerprint(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
