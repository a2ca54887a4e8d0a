package io.vigil.enricher.chats;

import io.vigil.enricher.state.Keys;
import io.vigil.enricher.state.Table;
import io.vigil.schemas.network.NetworkFacts;
import io.vigil.schemas.network.PendingMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the messages of a chat that wait for the network memory in order: a message with media or identifiers waits
 * for its facts, and a later one of the chat that waits too stays behind it, so that a number posted after an image is
 * assessed after the image, with the image's case. A message that waits longer than the limit is released without its
 * facts and says so; a message that needs nothing from the network memory never enters the queue (DetectionIntake).
 * A message queued with {@code needsFacts} false (written before that was so) still leaves in its turn.
 */
public final class ChatQueue {

    public static final String UNAVAILABLE = "network_timeout: the network memory did not answer within the wait limit";

    private final Table<PendingMessage> pending;
    private final long maxWaitMillis;
    /** Before this time no head can be overdue ({@link #overdue}); the first look reads the queue. */
    private long noneOverdueBefore = Long.MIN_VALUE;

    public ChatQueue(Table<PendingMessage> pending, long maxWaitMillis) {
        this.pending = pending;
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
        return seq;
    }

    /**
     * A waiting message's facts arrived: releases it at once if it heads the queue (with whatever is ready behind
     * it), else keeps the facts with it. Empty when the message is no longer waiting (released after the limit).
     */
    public Optional<List<Release>> arrive(Chat chat, long seq, NetworkFacts facts, long nowMillis) {
        String key = key(chat.id(), seq);
        PendingMessage message = pending.get(key);
        if (message == null) {
            return Optional.empty();
        }
        message.setFacts(facts);
        if (seq != chat.state().getHeadSeq()) {
            pending.put(key, message);
            return Optional.of(List.of());
        }
        List<Release> released = new ArrayList<>();
        released.add(new Release(message, Optional.empty(), Math.max(0, nowMillis - message.getQueuedAt())));
        pending.delete(key);
        chat.state().setHeadSeq(seq + 1);
        chat.stateChanged();
        released.addAll(drain(chat, nowMillis));
        return Optional.of(released);
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
                    return released;
                }
                released.add(new Release(head, ready ? Optional.empty() : Optional.of(UNAVAILABLE), waited));
                pending.delete(key);
            }
            state.setHeadSeq(state.getHeadSeq() + 1);
            chat.stateChanged();
        }
        return released;
    }

    /**
     * Chats whose head message has waited past the limit. The queue holds only messages in flight (a few hundred
     * milliseconds' worth), and a chat's messages sort by sequence, so its first row is its head.
     *
     * <p>The rows are read (each one a whole detection to decode) only when one may be overdue: a head that was not
     * overdue at the last look is followed by messages queued after it, and a message queued since then was queued
     * after it, so no head can pass the limit before the oldest head seen then (or that look itself, when the queue
     * was empty) plus the limit. The check runs every second, the limit is tens of seconds.
     */
    public List<String> overdue(long nowMillis) {
        if (nowMillis < noneOverdueBefore) {
            return List.of();
        }
        List<String> chats = new ArrayList<>();
        long[] oldestHead = {nowMillis};
        String[] previous = {null};
        pending.forEach((key, message) -> {
            String chat = key.substring(0, key.lastIndexOf(Keys.SEPARATOR));
            if (!chat.equals(previous[0])) {
                previous[0] = chat;
                if (nowMillis - message.getQueuedAt() >= maxWaitMillis) {
                    chats.add(chat);
                }
                oldestHead[0] = Math.min(oldestHead[0], message.getQueuedAt());
            }
        });
        // Chats released now get new heads this look did not see: look again at the next check.
        noneOverdueBefore = chats.isEmpty() ? oldestHead[0] + maxWaitMillis : Long.MIN_VALUE;
        return chats;
    }

    /**
     * When the next look ({@link #overdue}) can find a head past the limit: not before {@code nowMillis} plus the
     * minimum gap between looks, and not before the time the last look proved nothing can be overdue before. Why
     * look no more often: every wall-clock punctuation that fires makes Kafka Streams commit its thread's tasks, and
     * under exactly-once that is a transaction (offsets, markers, transaction log) even when nothing was released, so
     * a look every second in each task (each at its own phase) cost an idle enricher six transactions a second.
     */
    public long nextLookAt(long nowMillis, long minimumGapMillis) {
        return Math.max(nowMillis + minimumGapMillis, noneOverdueBefore);
    }

    static String key(String chatId, long seq) {
        return Keys.of(chatId, String.format("%016x", seq));
    }
}
