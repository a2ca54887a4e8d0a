package io.vigil.enricher.chats;

import io.vigil.enricher.state.Keys;
import io.vigil.enricher.state.Table;
import io.vigil.schemas.network.NetworkFacts;
import io.vigil.schemas.network.PendingMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each chat's messages in order while some of them wait for the network memory: a message with media or
 * identifiers waits for its facts, and every later message of the chat waits behind it, so that a number posted
 * after an image is assessed after the image, with the image's case. A message that waits longer than the limit
 * is released without its facts and says so; a message that needs nothing and has nothing ahead of it never
 * enters the queue.
 */
public final class ChatQueue {

    public static final String UNAVAILABLE = "network_timeout: the network memory did not answer within the wait limit";

    private final Table<PendingMessage> pending;
    private final Table<Long> waiting;
    private final long maxWaitMillis;

    public ChatQueue(Table<PendingMessage> pending, Table<Long> waiting, long maxWaitMillis) {
        this.pending = pending;
        this.waiting = waiting;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** A message leaving the queue, with how long it waited and why its facts are missing, if they are. */
    public record Release(PendingMessage message, Optional<String> unavailable, long waitedMillis) {
    }

    public static boolean hasQueue(Chat chat) {
        return chat.state().getNextSeq() > chat.state().getHeadSeq();
    }

    /** Queues a message at the chat's tail; returns its sequence number. */
    public long enqueue(Chat chat, PendingMessage message) {
        long seq = chat.state().getNextSeq();
        chat.state().setNextSeq(seq + 1);
        chat.stateChanged();
        pending.put(key(chat.id(), seq), message);
        if (waiting.get(chat.id()) == null) {
            waiting.put(chat.id(), message.getQueuedAt());
        }
        return seq;
    }

    /** Gives a waiting message its facts; false when it is no longer waiting (released after the limit). */
    public boolean attach(String chatId, long seq, NetworkFacts facts) {
        String key = key(chatId, seq);
        PendingMessage message = pending.get(key);
        if (message == null) {
            return false;
        }
        message.setFacts(facts);
        pending.put(key, message);
        return true;
    }

    /** Releases, in order, every message at the head that is ready or has waited past the limit. */
    public List<Release> drain(Chat chat, long nowMillis) {
        String chatId = chat.id();
        List<Release> released = new ArrayList<>();
        while (hasQueue(chat)) {
            io.vigil.schemas.network.ChatState state = chat.state();
            String key = key(chatId, state.getHeadSeq());
            PendingMessage head = pending.get(key);
            if (head != null) {
                long waited = Math.max(0, nowMillis - head.getQueuedAt());
                boolean ready = !head.getNeedsFacts() || head.getFacts() != null;
                if (!ready && waited < maxWaitMillis) {
                    waiting.put(chatId, head.getQueuedAt());
                    return released;
                }
                released.add(new Release(head, ready ? Optional.empty() : Optional.of(UNAVAILABLE), waited));
                pending.delete(key);
            }
            state.setHeadSeq(state.getHeadSeq() + 1);
            chat.stateChanged();
        }
        waiting.delete(chatId);
        return released;
    }

    /** Chats whose head message has waited past the limit. */
    public List<String> overdue(long nowMillis) {
        List<String> chats = new ArrayList<>();
        waiting.forEach((chat, since) -> {
            if (nowMillis - since >= maxWaitMillis) {
                chats.add(chat);
            }
        });
        return chats;
    }

    static String key(String chatId, long seq) {
        return Keys.of(chatId, String.format("%016x", seq));
    }
}
