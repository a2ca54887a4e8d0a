package io.vigil.ingest.replay;

import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One chat's events on local disk, in event time, between reading an export and writing it: a full export is one
 * file holding every chat, and merging chats in event time means reading them side by side, which a file read once
 * from the top cannot do. Written once, read once, deleted with the replay. A chat whose events come out of order
 * (scheduled messages, clock changes on the sender's side) is sorted when it ends.
 */
final class ChatSpill {

    private static final byte MESSAGE = 1;
    private static final byte GROUP_EVENT = 2;
    private static final String SPILL_TOPIC = "replay-spill";
    private static final AvroSerde<MessageEvent> MESSAGES = AvroSerde.of(MessageEvent.class);
    private static final AvroSerde<GroupEvent> GROUP_EVENTS = AvroSerde.of(GroupEvent.class);

    private final Path file;
    private DataOutputStream out;
    private long count;
    private long lastSentAt = Long.MIN_VALUE;
    private boolean ordered = true;

    ChatSpill(Path file) throws IOException {
        this.file = file;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
    }

    void add(ReplayEvent event) throws IOException {
        write(out, event);
        count++;
        if (event.sentAt() < lastSentAt) {
            ordered = false;
        }
        lastSentAt = Math.max(lastSentAt, event.sentAt());
    }

    /** Closes the file for writing, sorting it by event time if it needs it (stable: file order breaks ties). */
    void finish() throws IOException {
        out.close();
        out = null;
        if (ordered) {
            return;
        }
        List<ReplayEvent> events = new ArrayList<>();
        try (Reader reader = new Reader(file)) {
            ReplayEvent event;
            while ((event = reader.next()) != null) {
                events.add(event);
            }
        }
        events.sort(Comparator.comparingLong(ReplayEvent::sentAt));
        try (DataOutputStream sorted = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024))) {
            for (ReplayEvent event : events) {
                write(sorted, event);
            }
        }
    }

    long count() {
        return count;
    }

    Path file() {
        return file;
    }

    private static void write(DataOutputStream out, ReplayEvent event) throws IOException {
        byte[] body = event.isMessage() ? MESSAGES.serialize(SPILL_TOPIC, event.message()) : GROUP_EVENTS.serialize(SPILL_TOPIC, event.groupEvent());
        out.writeByte(event.isMessage() ? MESSAGE : GROUP_EVENT);
        out.writeInt(body.length);
        out.write(body);
        out.writeBoolean(event.forwardedFromName() != null);
        if (event.forwardedFromName() != null) {
            out.writeUTF(event.forwardedFromName().length() > 1000 ? event.forwardedFromName().substring(0, 1000) : event.forwardedFromName());
        }
    }

    /** Reads a spill from its start. */
    static final class Reader implements AutoCloseable {
        private final DataInputStream in;

        Reader(Path file) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
        }

        /** The next event, or null at the end. */
        ReplayEvent next() throws IOException {
            byte type;
            try {
                type = in.readByte();
            } catch (EOFException e) {
                return null;
            }
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            String forwardName = in.readBoolean() ? in.readUTF() : null;
            if (type == MESSAGE) {
                return ReplayEvent.of(MESSAGES.deserialize(SPILL_TOPIC, body), forwardName);
            }
            return ReplayEvent.of(GROUP_EVENTS.deserialize(SPILL_TOPIC, body));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
