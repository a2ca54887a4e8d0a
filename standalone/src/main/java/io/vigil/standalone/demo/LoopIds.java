package io.vigil.standalone.demo;

import io.vigil.ingest.replay.ReplayEvent;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.MessageEvent;

import java.time.Instant;

/**
 * A demo loop's copy of a replayed event: the same chats, new message ids (the loop number in the millions, so that
 * they never meet the export's own), and the current time, so that every loop is news to the pipeline.
 */
final class LoopIds {

    /** Export ids stay far below this; a loop adds it once per loop. */
    static final long STRIDE = 1_000_000L;

    private LoopIds() {
    }

    static ReplayEvent fresh(ReplayEvent event, long loop, Instant now) {
        if (event.isMessage()) {
            MessageEvent m = MessageEvent.newBuilder(event.message())
                    .setMessageId(shift(event.message().getMessageId(), loop))
                    .setReplyToMessageId(shift(event.message().getReplyToMessageId(), loop))
                    .setMediaGroupId(event.message().getMediaGroupId() == null ? null : event.message().getMediaGroupId() + "#" + loop)
                    .setSentAt(now)
                    .setEditedAt(event.message().getEditedAt() == null ? null : now)
                    .build();
            return ReplayEvent.of(m, null);
        }
        GroupEvent e = event.groupEvent();
        String messageId = shift(e.getMessageId(), loop);
        GroupEvent g = GroupEvent.newBuilder(e)
                .setMessageId(messageId)
                .setEventId(messageId == null ? e.getEventId() + "#" + loop : e.getChatId() + ":" + messageId)
                .setPinnedMessageId(shift(e.getPinnedMessageId(), loop))
                .setOccurredAt(now)
                .build();
        return ReplayEvent.of(g);
    }

    static String shift(String id, long loop) {
        if (id == null) {
            return null;
        }
        try {
            return Long.toString(Long.parseLong(id) + loop * STRIDE);
        } catch (NumberFormatException e) {
            return id + "#" + loop;
        }
    }
}
