package io.vigil.enricher.cases;

import io.vigil.enricher.state.Keys;
import io.vigil.enricher.testing.MemoryTable;
import io.vigil.schemas.network.CaseState;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CaseContentsTest {

    private final MemoryTable<Long> members = new MemoryTable<>();
    private final MemoryTable<Long> chats = new MemoryTable<>();
    private final CaseContents contents = new CaseContents(members, chats);

    @Test
    void aCasesFirstChatsAndNodesLiveInItsRecordAndLaterOnesInRows() {
        CaseState c = newCase("case-1");
        for (int i = 0; i < CaseContents.INLINE + 2; i++) {
            assertThat(contents.reached(c, "chat-" + i)).isFalse();
            contents.addChat(c, "chat-" + i, 100L + i);
            c.setChats(c.getChats() + 1);
            contents.addNode(c, "i:PHONE:" + i);
            c.setIdentifiers(c.getIdentifiers() + 1);
        }

        assertThat(c.getFirstChats()).hasSize(CaseContents.INLINE);
        assertThat(c.getFirstNodes()).hasSize(CaseContents.INLINE);
        assertThat(chats.size()).isEqualTo(2);
        assertThat(members.size()).isEqualTo(2);
        assertThat(contents.reached(c, "chat-0")).isTrue();
        assertThat(contents.reached(c, "chat-" + (CaseContents.INLINE + 1))).isTrue();
        assertThat(contents.chatsOf(c)).hasSize(CaseContents.INLINE + 2).containsEntry("chat-" + (CaseContents.INLINE + 1), 100L + CaseContents.INLINE + 1);
        assertThat(contents.nodesOf(c)).hasSize(CaseContents.INLINE + 2).contains("i:PHONE:0", "i:PHONE:" + (CaseContents.INLINE + 1));

        contents.deleteRows(c);
        assertThat(chats.size()).isZero();
        assertThat(members.size()).isZero();
    }

    @Test
    void aRecordWrittenBeforeChatsAndNodesWereKeptInsideItIsReadFromItsRows() {
        CaseState old = newCase("case-2");
        old.setChats(1);
        old.setIdentifiers(2);
        chats.put(Keys.of("case-2", "old-chat"), 900L);
        members.put(Keys.of("case-2", "i:PHONE:a"), 1L);
        members.put(Keys.of("case-2", "i:PHONE:b"), 1L);

        assertThat(contents.reached(old, "old-chat")).isTrue();
        assertThat(contents.reached(old, "new-chat")).isFalse();
        contents.addChat(old, "new-chat", 50L);
        old.setChats(2);
        contents.addNode(old, "c:mc9");
        old.setClusters(1);

        assertThat(contents.chatsOf(old)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("old-chat", 900L, "new-chat", 50L));
        assertThat(contents.nodesOf(old)).containsExactlyInAnyOrder("i:PHONE:a", "i:PHONE:b", "c:mc9");
    }

    private static CaseState newCase(String id) {
        return CaseState.newBuilder().setCaseId(id).setItems(0).setChats(0).setReach(0).setFirstSeen(Instant.EPOCH)
                .setLastSeen(Instant.EPOCH).setFirstChatId("chat-0").build();
    }
}
