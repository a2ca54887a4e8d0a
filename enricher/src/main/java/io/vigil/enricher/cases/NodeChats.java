package io.vigil.enricher.cases;

import io.vigil.enricher.state.Keys;
import io.vigil.enricher.state.Table;
import io.vigil.schemas.network.NodeChat;
import io.vigil.schemas.network.NodeState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chats a case node (a media cluster or a keyed identifier) was seen in, and whether harmful evidence came with
 * it there. Most nodes are seen in one or two chats, so the first {@link #INLINE} are kept inside the node's own
 * record ({@code NodeState.seenIn}): observing a node reads and writes one row, not two. A node seen in more chats (a
 * meme, a shop's number) keeps each further chat as a row of the node-chats table, as every chat was before
 * {@code NodeState} v2; records written before then have an empty list and all their chats in rows. The rule that
 * reads both shapes: a chat that is not in the list can only be a row when the node counts more chats than the list
 * holds.
 */
public final class NodeChats {

    /**
     * Chats kept in the node's record: 16 covers the benign guard ({@code benign-min-chats}, 5) with room, keeps a
     * full record under about 400 bytes (a chat id of about 14 characters and a flag each), and a cluster spread
     * wider than that is read from rows as before.
     */
    public static final int INLINE = 16;
    private static final long SEEN = 1;
    private static final long SEEN_HARMFUL = 2;

    private final Table<NodeState> nodes;
    private final Table<Long> rows;

    public NodeChats(Table<NodeState> nodes, Table<Long> rows) {
        this.nodes = nodes;
        this.rows = rows;
    }

    /** How a node was seen in a chat: not at all, or with or without harmful evidence. */
    public enum Seen { NEVER, SEEN, SEEN_HARMFUL }

    public Seen seen(String nodeKey, NodeState state, String chatId) {
        for (NodeChat chat : state.getSeenIn()) {
            if (chat.getChatId().equals(chatId)) {
                return chat.getHarmful() ? Seen.SEEN_HARMFUL : Seen.SEEN;
            }
        }
        if (state.getChats() <= state.getSeenIn().size()) {
            return Seen.NEVER;
        }
        Long row = rows.get(Keys.of(nodeKey, chatId));
        return row == null ? Seen.NEVER : row == SEEN_HARMFUL ? Seen.SEEN_HARMFUL : Seen.SEEN;
    }

    /**
     * Records the node in a chat, or that harmful evidence came with it there; the caller updates the counts and
     * writes {@code state}.
     */
    public void record(String nodeKey, NodeState state, String chatId, boolean harmful) {
        List<NodeChat> inline = new ArrayList<>(state.getSeenIn());
        for (int i = 0; i < inline.size(); i++) {
            if (inline.get(i).getChatId().equals(chatId)) {
                inline.set(i, NodeChat.newBuilder().setChatId(chatId).setHarmful(harmful).build());
                state.setSeenIn(inline);
                return;
            }
        }
        boolean inRows = state.getChats() > inline.size() && rows.get(Keys.of(nodeKey, chatId)) != null;
        if (!inRows && inline.size() < INLINE) {
            inline.add(NodeChat.newBuilder().setChatId(chatId).setHarmful(harmful).build());
            state.setSeenIn(inline);
        } else {
            rows.put(Keys.of(nodeKey, chatId), harmful ? SEEN_HARMFUL : SEEN);
        }
    }

    /** Up to {@code limit} chats the node was seen in: those in its record first, then its rows. */
    public List<String> chatsOf(String nodeKey, int limit) {
        NodeState state = nodes.get(nodeKey);
        List<String> chats = new ArrayList<>();
        if (state == null) {
            return chats;
        }
        for (NodeChat chat : state.getSeenIn()) {
            if (chats.size() == limit) {
                return chats;
            }
            chats.add(chat.getChatId());
        }
        if (state.getChats() > state.getSeenIn().size() && chats.size() < limit) {
            for (Map.Entry<String, Long> row : rows.withPrefix(Keys.under(nodeKey), limit - chats.size())) {
                chats.add(Keys.last(row.getKey()));
            }
        }
        return chats;
    }
}
