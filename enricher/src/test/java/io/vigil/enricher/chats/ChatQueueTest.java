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

    private static PendingMessage message(String id, boolean needsFacts, long queuedAt) {
        return PendingMessage.newBuilder().setDetection(Detection.newBuilder().setPlatform("telegram").setChatId("c").setMessageId(id)
                .setSenderId("s").setSentAt(Instant.EPOCH).setDetectedAt(Instant.EPOCH).build()).setNeedsFacts(needsFacts)
                .setQueuedAt(queuedAt).build();
    }

    private static NetworkFacts facts(String message, long seq) {
        return NetworkFacts.newBuilder().setChatId("c").setMessageId(message).setSeq(seq).build();
    }
}
