package io.vigil.sink.work;

import io.vigil.schemas.QueueEntry;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock of an open item: when it is due (its queue's target after it was enqueued), whether it has run
 * out, and whether an item nobody has claimed is close enough to its deadline to escalate to the senior queue.
 */
public final class SlaClock {

    private final WorkSettings settings;

    public SlaClock(WorkSettings settings) {
        this.settings = settings;
    }

    /** When an item enqueued now in this queue is due, or null for a queue without a target. */
    public Instant dueAt(String queue, Instant enqueuedAt) {
        Duration sla = settings.sla(queue);
        return sla == null ? null : enqueuedAt.plus(sla);
    }

    public static boolean isOpen(QueueEntry entry) {
        return entry.getItem() != null && entry.getDecision() == null;
    }

    /** Past its deadline and not yet counted. */
    public boolean newlyBreached(QueueEntry entry, Instant now) {
        return isOpen(entry) && entry.getDueAt() != null && !entry.getBreached() && !now.isBefore(entry.getDueAt());
    }

    /** Unclaimed, never escalated, and past the configured share of its SLA. */
    public boolean shouldEscalate(QueueEntry entry, Instant now) {
        if (!isOpen(entry) || entry.getDueAt() == null || entry.getEscalation() != null
                || settings.escalationQueue().equals(CommandDecider.currentQueue(entry))) {
            return false;
        }
        boolean claimed = entry.getClaim() != null && entry.getClaim().getExpiresAt().isAfter(now);
        Instant start = entry.getItem().getEnqueuedAt();
        long slaMillis = Duration.between(start, entry.getDueAt()).toMillis();
        return !claimed && !now.isBefore(start.plusMillis((long) (slaMillis * settings.escalateUnclaimedAt())));
    }
}
