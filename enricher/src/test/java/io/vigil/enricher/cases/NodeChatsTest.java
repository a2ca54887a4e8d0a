package io.vigil.enricher.cases;

import io.vigil.enricher.state.Keys;
import io.vigil.enricher.testing.MemoryTable;
import io.vigil.schemas.network.NodeState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class NodeChatsTest {

    private final MemoryTable<NodeState> nodes = new MemoryTable<>();
    private final MemoryTable<Long> rows = new MemoryTable<>();
    private final NodeChats chats = new NodeChats(nodes, rows);

    @Test
    void aNodesFirstChatsLiveInItsRecordAndLaterOnesInRows() {
        NodeState state = NodeState.newBuilder().setFirstSeen(Instant.EPOCH).build();
        for (int c = 0; c < NodeChats.INLINE + 3; c++) {
            assertThat(chats.seen("c:mc1", state, "chat-" + c)).isEqualTo(NodeChats.Seen.NEVER);
            chats.record("c:mc1", state, "chat-" + c, c % 2 == 0);
            state.setChats(state.getChats() + 1);
        }
        nodes.put("c:mc1", state);

        assertThat(state.getSeenIn()).hasSize(NodeChats.INLINE);
        assertThat(rows.size()).isEqualTo(3);
        assertThat(chats.seen("c:mc1", state, "chat-0")).isEqualTo(NodeChats.Seen.SEEN_HARMFUL);
        assertThat(chats.seen("c:mc1", state, "chat-1")).isEqualTo(NodeChats.Seen.SEEN);
        assertThat(chats.seen("c:mc1", state, "chat-" + (NodeChats.INLINE + 1))).isEqualTo(NodeChats.Seen.SEEN);
        assertThat(chats.chatsOf("c:mc1", 100)).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, NodeChats.INLINE + 3).mapToObj(c -> "chat-" + c).toList());
        assertThat(chats.chatsOf("c:mc1", 5)).hasSize(5);
    }

    @Test
    void harmfulEvidenceLaterInAChatIsRememberedWhereverTheChatIsKept() {
        NodeState state = NodeState.newBuilder().setFirstSeen(Instant.EPOCH).build();
        for (int c = 0; c < NodeChats.INLINE + 1; c++) {
            chats.record("i:PHONE:h", state, "chat-" + c, false);
            state.setChats(state.getChats() + 1);
        }
        chats.record("i:PHONE:h", state, "chat-0", true);
        chats.record("i:PHONE:h", state, "chat-" + NodeChats.INLINE, true);

        assertThat(chats.seen("i:PHONE:h", state, "chat-0")).isEqualTo(NodeChats.Seen.SEEN_HARMFUL);
        assertThat(chats.seen("i:PHONE:h", state, "chat-" + NodeChats.INLINE)).isEqualTo(NodeChats.Seen.SEEN_HARMFUL);
        assertThat(state.getSeenIn()).hasSize(NodeChats.INLINE);
    }

    @Test
    void aRecordWrittenBeforeChatsWereKeptInsideItIsReadFromItsRows() {
        NodeState old = NodeState.newBuilder().setFirstSeen(Instant.EPOCH).setChats(2).setHarmfulChats(1).build();
        rows.put(Keys.of("c:mc2", "old-a"), 1L);
        rows.put(Keys.of("c:mc2", "old-b"), 2L);
        nodes.put("c:mc2", old);

        assertThat(chats.seen("c:mc2", old, "old-a")).isEqualTo(NodeChats.Seen.SEEN);
        assertThat(chats.seen("c:mc2", old, "old-b")).isEqualTo(NodeChats.Seen.SEEN_HARMFUL);
        assertThat(chats.seen("c:mc2", old, "new")).isEqualTo(NodeChats.Seen.NEVER);
        chats.record("c:mc2", old, "new", false);
        old.setChats(3);

        assertThat(old.getSeenIn()).as("a new chat goes into the record").hasSize(1);
        assertThat(chats.seen("c:mc2", old, "old-a")).isEqualTo(NodeChats.Seen.SEEN);
        assertThat(chats.chatsOf("c:mc2", 10)).containsExactlyInAnyOrder("old-a", "old-b", "new");
    }
}
