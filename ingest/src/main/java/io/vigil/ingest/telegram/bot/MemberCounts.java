package io.vigil.ingest.telegram.bot;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Member counts of the chats the bot sees, kept fresh with getChatMemberCount: asked when a chat is first seen and
 * again when its count is older than the refresh interval, never more often than the minimum interval across all
 * chats (the Bot API limits a bot's requests; a count a little stale is worth less than the bot's updates). A count
 * not due, or not allowed yet, is the cached one.
 */
public final class MemberCounts {

    /** Asks the platform for a chat's count. */
    @FunctionalInterface
    public interface Source {
        long count(String chatId) throws Exception;
    }

    private record Known(long count, long atNanos) {
    }

    private final Source source;
    private final long refreshNanos;
    private final long minIntervalNanos;
    private final LongSupplier clock;
    private final Map<String, Known> known = new HashMap<>();
    private long lastAskedNanos;
    private boolean asked;

    public MemberCounts(Source source, long refreshMillis, long minIntervalMillis, LongSupplier nanoClock) {
        this.source = source;
        this.refreshNanos = refreshMillis * 1_000_000L;
        this.minIntervalNanos = minIntervalMillis * 1_000_000L;
        this.clock = nanoClock;
    }

    /** The chat's count, fetched first if it is due and the rate allows; empty if never known. */
    public synchronized OptionalLong current(String chatId) {
        long now = clock.getAsLong();
        Known cached = known.get(chatId);
        boolean due = cached == null || now - cached.atNanos() >= refreshNanos;
        boolean allowed = !asked || now - lastAskedNanos >= minIntervalNanos;
        if (due && allowed) {
            asked = true;
            lastAskedNanos = now;
            try {
                cached = new Known(source.count(chatId), now);
                known.put(chatId, cached);
            } catch (Exception e) {
                // The bot may lack the right to count members; keep what is known and ask again when due.
                if (cached != null) {
                    known.put(chatId, new Known(cached.count(), now));
                }
            }
        }
        return cached == null ? OptionalLong.empty() : OptionalLong.of(cached.count());
    }
}
