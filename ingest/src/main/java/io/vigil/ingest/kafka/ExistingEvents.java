package io.vigil.ingest.kafka;

import io.vigil.ingest.replay.EventIdentity;
import io.vigil.ingest.replay.LongSet;
import io.vigil.ingest.replay.ReplayEvent;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the topics already hold for the chats of a replay: the identities of their message and group events (as
 * fingerprints) and their latest metadata. A replay writes only what is not there, so running it twice writes
 * nothing the second time, and a replay that stopped half-way is completed by running it again. It also remembers
 * what it writes, so an event given twice in one run (two exports of the same chat) is written once.
 */
public final class ExistingEvents {

    private final LongSet events = new LongSet();
    private final Map<String, GroupMetadata> metadata = new HashMap<>();
    private long unreadable;

    private ExistingEvents() {
    }

    /** Nothing known: every event is new (the demo's fresh ids, or a test of the mapping alone). */
    public static ExistingEvents none() {
        return new ExistingEvents();
    }

    public static ExistingEvents read(ChatTopicReader reader, Collection<String> chats) {
        ExistingEvents existing = new ExistingEvents();
        AvroSerde<MessageEvent> messages = AvroSerde.of(MessageEvent.class);
        AvroSerde<GroupEvent> groupEvents = AvroSerde.of(GroupEvent.class);
        AvroSerde<GroupMetadata> groups = AvroSerde.of(GroupMetadata.class);
        reader.read(Topics.MESSAGE_EVENTS.name(), chats, (chat, bytes) -> {
            try {
                existing.events.add(EventIdentity.fingerprint(EventIdentity.of(messages.deserialize(Topics.MESSAGE_EVENTS.name(), bytes))));
            } catch (SerializationException | NullPointerException e) {
                existing.unreadable++;
            }
        });
        reader.read(Topics.GROUP_EVENTS.name(), chats, (chat, bytes) -> {
            try {
                existing.events.add(EventIdentity.fingerprint(EventIdentity.of(groupEvents.deserialize(Topics.GROUP_EVENTS.name(), bytes))));
            } catch (SerializationException | NullPointerException e) {
                existing.unreadable++;
            }
        });
        reader.read(Topics.GROUP_METADATA.name(), chats, (chat, bytes) -> {
            if (bytes == null) {
                existing.metadata.remove(chat);
                return;
            }
            try {
                existing.metadata.put(chat, groups.deserialize(Topics.GROUP_METADATA.name(), bytes));
            } catch (SerializationException e) {
                existing.unreadable++;
            }
        });
        return existing;
    }

    /** Records the event as written; false if it already was (on a topic, or earlier in this run). */
    public boolean firstTime(ReplayEvent event) {
        return events.add(EventIdentity.fingerprint(event.identity()));
    }

    /** Whether the chat's current metadata already says all this does (the time of the update aside). */
    public boolean hasSame(GroupMetadata wanted) {
        GroupMetadata current = metadata.get(wanted.getChatId());
        return current != null && withoutUpdateTime(current).equals(withoutUpdateTime(wanted));
    }

    public void remember(GroupMetadata written) {
        metadata.put(written.getChatId(), written);
    }

    public Optional<GroupMetadata> metadataOf(String chatId) {
        return Optional.ofNullable(metadata.get(chatId));
    }

    /** Events on the topics these chats have that this version cannot read; they do not count as present. */
    public long unreadable() {
        return unreadable;
    }

    public int eventsKnown() {
        return events.size();
    }

    private static GroupMetadata withoutUpdateTime(GroupMetadata metadata) {
        return GroupMetadata.newBuilder(metadata).setUpdatedAt(Instant.EPOCH).build();
    }
}
