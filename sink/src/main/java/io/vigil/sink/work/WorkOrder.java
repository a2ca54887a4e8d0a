package io.vigil.sink.work;

import io.vigil.schemas.QueueItem;

import java.util.Comparator;

/**
 * The order moderators work in: risk level first (critical before high), then reach (an image in front of 50,000
 * members before one in front of 50), then age (the longest-waiting first, so nothing starves within its level).
 */
public final class WorkOrder {

    public static final Comparator<QueueItem> ITEMS = Comparator
            .comparingInt((QueueItem item) -> item.getLevel().ordinal()).reversed()
            .thenComparing(Comparator.comparingLong(CaseKey::reach).reversed())
            .thenComparing(QueueItem::getEnqueuedAt);

    private WorkOrder() {
    }
}
