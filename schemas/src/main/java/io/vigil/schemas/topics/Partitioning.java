package io.vigil.schemas.topics;

/** How many partitions a topic gets in a deployment. */
public enum Partitioning {
    /**
     * Keyed by chat id and co-partitioned with every other chat-keyed topic: the deployment's partition count,
     * the same for all of them, so that joins and per-group state need no repartition.
     */
    BY_CHAT,
    /** One partition: read whole by every instance (global table), where order of updates matters more than spread. */
    SINGLE
}
