package io.vigil.runtime.kafka;

import org.apache.kafka.clients.CommonClientConfigs;

import java.util.Map;

/**
 * How long every Vigil client waits between attempts while a broker or a coordinator is away: at most 250 ms, where
 * Kafka's clients wait up to 1 s (their exponential back-off starts at 50 ms for connections and 100 ms for retries and
 * doubles up to {@code reconnect.backoff.max.ms} / {@code retry.backoff.max.ms}, 1,000 ms each).
 *
 * <p>Why: after a broker's {@code kill -9} the clients are at their ceiling within two seconds, so once the broker or
 * the new leader is back they noticed it up to a second late, and the exactly-once producers retried
 * {@code CONCURRENT_TRANSACTIONS} and rediscovered a moved transaction coordinator once a second (the services' logs of
 * the fault tests, docs/benchmarks.md "Round six on issue-13-recovery6"). The cost is up to four attempts a second per
 * client instead of one while a broker is down (a few dozen clients per service, against brokers that refuse the
 * connection at once), and as many "could not be established" warnings in the log. A deployment overrides either with
 * {@code kafka.extra}.
 */
public final class ClientBackoffs {

    /** Ceiling of the wait between two connection attempts to the same broker. */
    public static final int RECONNECT_BACKOFF_MAX_MS = 250;
    /** Ceiling of the wait before a failed request (metadata, coordinator lookup, produce, transaction) is retried. */
    public static final int RETRY_BACKOFF_MAX_MS = 250;

    private ClientBackoffs() {
    }

    /** The settings, for a producer, consumer, admin or Kafka Streams configuration (all clients share them). */
    public static Map<String, Object> settings() {
        return Map.of(
                CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS,
                CommonClientConfigs.RETRY_BACKOFF_MAX_MS_CONFIG, RETRY_BACKOFF_MAX_MS);
    }
}
