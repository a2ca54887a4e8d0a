package io.vigil.enricher.chats;

import io.vigil.enricher.testing.MemoryTable;
import io.vigil.schemas.Detection;
import io.vigil.schemas.network.ChatProfile;
import io.vigil.schemas.network.ChatState;
import io.vigil.schemas.network.NetworkFacts;
import io.vigil.schemas.network.PendingMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatQueueTest {

    private final MemoryTable<PendingMessage> pending = new MemoryTable<>();
    private final ChatQueue queue = new ChatQueue(pending, 30_000);
    private final Chat state = new ChatProfiles(new MemoryTable<ChatState>(), new MemoryTable<ChatProfile>(), 8,
            io.vigil.enricher.policy.PolicyParser.defaultPolicy().lineage()).load("c", "telegram");

    @Test
    void messagesLeaveInTheirChatsOrderOnceTheHeadHasItsFacts() {
        long image = queue.enqueue(state, message("image", true, 1_000));
        queue.enqueue(state, message("number", true, 1_001));
        queue.enqueue(state, message("chatter", false, 1_002));

        assertThat(queue.arrive(state, 1, facts("number", 1), 2_000)).as("the image has no facts yet").contains(List.of());

        List<ChatQueue.Release> released = queue.arrive(state, image, facts("image", image), 2_500).orElseThrow();

        assertThat(released).extracting(r -> r.message().getDetection().getMessageId()).containsExactly("image", "number", "chatter");
        assertThat(released).allSatisfy(r -> assertThat(r.unavailable()).isEmpty());
        assertThat(released.get(0).waitedMillis()).isEqualTo(1_500);
        assertThat(ChatQueue.hasQueue(state)).isFalse();
        assertThat(pending.size()).isZero();
    }

    @Test
    void aMessageThatWaitedPastTheLimitLeavesWithoutItsFactsAndLateFactsFindNoOne() {
        queue.enqueue(state, message("image", true, 1_000));
        queue.enqueue(state, message("chatter", false, 1_100));

        assertThat(queue.overdue(30_999)).isEmpty();
        assertThat(queue.overdue(31_000)).containsExactly("c");
        List<ChatQueue.Release> released = queue.drain(state, 31_000);

        assertThat(released).extracting(r -> r.message().getDetection().getMessageId()).containsExactly("image", "chatter");
        assertThat(released.get(0).unavailable()).contains(ChatQueue.UNAVAILABLE);
        assertThat(released.get(1).unavailable()).isEmpty();
        assertThat(queue.arrive(state, 0, facts("image", 0), 40_000)).as("late facts find no one").isEmpty();
    }

    @Test
    void theQueueIsReadOnlyWhenAHeadMayBeOverdueAndAMessageQueuedAfterALookIsStillFound() {
        ReadCounting<PendingMessage> counted = new ReadCounting<>(pending);
        ChatQueue watched = new ChatQueue(counted, 30_000);

        assertThat(watched.overdue(0)).as("an empty queue: nothing can pass the limit before 30 s").isEmpty();
        watched.enqueue(state, message("image", true, 5_000));
        assertThat(watched.overdue(29_999)).isEmpty();
        assertThat(counted.reads).as("not read again before a head can be overdue").isEqualTo(1);

        assertThat(watched.overdue(30_000)).isEmpty();
        assertThat(watched.overdue(34_999)).isEmpty();
        assertThat(counted.reads).as("read once more, then not until the head queued at 5 s can be overdue").isEqualTo(2);

        assertThat(watched.overdue(35_000)).containsExactly("c");
        watched.drain(state, 35_000);
        assertThat(watched.overdue(35_001)).as("after a release the queue is read at the next check").isEmpty();
        assertThat(counted.reads).isEqualTo(4);
    }

    @Test
    void theNextLookIsAtTheMinimumGapUntilALookProvesNoHeadCanBeOverdueSooner() {
        assertThat(queue.nextLookAt(0, 1_000)).as("before any look: at the minimum gap").isEqualTo(1_000);

        assertThat(queue.overdue(0)).isEmpty();
        assertThat(queue.nextLookAt(0, 1_000)).as("an empty queue: nothing is overdue before the limit").isEqualTo(30_000);

        queue.enqueue(state, message("image", true, 5_000));
        assertThat(queue.overdue(30_000)).isEmpty();
        assertThat(queue.nextLookAt(30_000, 1_000)).as("when the head queued at 5 s passes the limit").isEqualTo(35_000);

        assertThat(queue.overdue(35_000)).containsExactly("c");
        queue.drain(state, 35_000);
        assertThat(queue.nextLookAt(35_000, 1_000)).as("after a release: at the minimum gap").isEqualTo(36_000);
    }

    /** The queue's table, counting how often every row is read. */
    private static final class ReadCounting<V> implements io.vigil.enricher.state.Table<V> {

        private final io.vigil.enricher.state.Table<V> rows;
        private int reads;

        ReadCounting(io.vigil.enricher.state.Table<V> rows) {
            this.rows = rows;
        }

        @Override
        public V get(String key) {
            return rows.get(key);
        }

        @Override
        public void put(String key, V value) {
            rows.put(key, value);
        }

        @Override
        public void delete(String key) {
            rows.delete(key);
        }

        @Override
        public List<java.util.Map.Entry<String, V>> withPrefix(String prefix, int limit) {
            return rows.withPrefix(prefix, limit);
        }

        @Override
        public void forEach(java.util.function.BiConsumer<String, V> action) {
            reads++;
            rows.forEach(action);
        }
    }

    private static PendingMessage message(String id, boolean needsFacts, long queuedAt) {
        return PendingMessage.newBuilder().setDetection(Detection.newBuilder().setPlatform("telegram").setChatId("c").setMessageId(id)
                .setSenderId("s").setSentAt(Instant.EPOCH).setDetectedAt(Instant.EPOCH).build()).setNeedsFacts(needsFacts)
                .setQueuedAt(queuedAt).build();
    }

    private static NetworkFacts facts(String message, long seq) {
        return NetworkFacts.newBuilder().setChatId("c").setMessageId(message).setSeq(seq).build();
    }
}
