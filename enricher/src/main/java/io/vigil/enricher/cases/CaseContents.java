package io.vigil.enricher.cases;

import io.vigil.enricher.state.Keys;
import io.vigil.enricher.state.Table;
import io.vigil.schemas.network.CaseChat;
import io.vigil.schemas.network.CaseState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chats a victim case reached and the nodes attached to it. A case of one person is small (the benchmark's
 * cases hold three identifiers in one chat), so the first {@link #INLINE} of each are kept inside the case record
 * ({@code CaseState.firstChats}, {@code firstNodes}): an item joining its case reads and writes the case row only,
 * not a case-chat row besides, and attaching a node writes no member row. Further chats and nodes are rows of the
 * case-chats and case-members tables, as all of them were before {@code CaseState} v2; records written before then
 * have empty lists and everything in rows. The rule that reads both shapes: a case has rows only when it counts more
 * chats (or clusters and identifiers) than its record lists.
 */
public final class CaseContents {

    /**
     * Chats and nodes kept in the case record: 16 of each keeps a full record under about 1.5 KB (an identifier's key
     * is 72 characters, a chat id about 14), while merges, which list both, stay rare; a case that spreads wider adds
     * rows as before.
     */
    public static final int INLINE = 16;

    private final Table<Long> members;
    private final Table<Long> chats;

    public CaseContents(Table<Long> members, Table<Long> chats) {
        this.members = members;
        this.chats = chats;
    }

    public boolean reached(CaseState c, String chatId) {
        for (CaseChat chat : c.getFirstChats()) {
            if (chat.getChatId().equals(chatId)) {
                return true;
            }
        }
        return c.getChats() > c.getFirstChats().size() && chats.get(Keys.of(c.getCaseId(), chatId)) != null;
    }

    /** Records a chat the case did not reach before; the caller counts it after. */
    public void addChat(CaseState c, String chatId, long chatMembers) {
        if (c.getFirstChats().size() < INLINE) {
            List<CaseChat> first = new ArrayList<>(c.getFirstChats());
            first.add(CaseChat.newBuilder().setChatId(chatId).setMembers(chatMembers).build());
            c.setFirstChats(first);
        } else {
            chats.put(Keys.of(c.getCaseId(), chatId), chatMembers);
        }
    }

    /** Every chat the case reached, with its members. */
    public Map<String, Long> chatsOf(CaseState c) {
        Map<String, Long> all = new LinkedHashMap<>();
        c.getFirstChats().forEach(chat -> all.put(chat.getChatId(), chat.getMembers()));
        if (c.getChats() > c.getFirstChats().size()) {
            for (Map.Entry<String, Long> row : chats.withPrefix(Keys.under(c.getCaseId()), Integer.MAX_VALUE)) {
                all.putIfAbsent(Keys.last(row.getKey()), row.getValue());
            }
        }
        return all;
    }

    /** Records a node attached to the case; the caller counts it. */
    public void addNode(CaseState c, String nodeKey) {
        if (c.getFirstNodes().size() < INLINE) {
            List<String> first = new ArrayList<>(c.getFirstNodes());
            first.add(nodeKey);
            c.setFirstNodes(first);
        } else {
            members.put(Keys.of(c.getCaseId(), nodeKey), 1L);
        }
    }

    /** Every node attached to the case. */
    public List<String> nodesOf(CaseState c) {
        List<String> all = new ArrayList<>(c.getFirstNodes());
        if (c.getClusters() + c.getIdentifiers() > c.getFirstNodes().size()) {
            for (Map.Entry<String, Long> row : members.withPrefix(Keys.under(c.getCaseId()), Integer.MAX_VALUE)) {
                all.add(Keys.last(row.getKey()));
            }
        }
        return all;
    }

    /** Deletes the rows of a case merged into another (what its record lists goes with the record). */
    public void deleteRows(CaseState c) {
        if (c.getClusters() + c.getIdentifiers() > c.getFirstNodes().size()) {
            members.withPrefix(Keys.under(c.getCaseId()), Integer.MAX_VALUE).forEach(row -> members.delete(row.getKey()));
        }
        if (c.getChats() > c.getFirstChats().size()) {
            chats.withPrefix(Keys.under(c.getCaseId()), Integer.MAX_VALUE).forEach(row -> chats.delete(row.getKey()));
        }
    }
}
