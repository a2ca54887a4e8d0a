package io.vigil.standalone.backtest;

import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Waits, bounded, for the pipeline's verdict on every replayed message: its RiskAssessment, or a dead letter when a
 * service refused it. Progress is a message getting its verdict; none for the stall timeout is a stalled pipeline,
 * reported with how far it got.
 */
final class AssessmentWaiter {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String bootstrapServers;
    private final Duration stallTimeout;
    private final PrintWriter err;
    private final LongSupplier clock;

    AssessmentWaiter(String bootstrapServers, Duration stallTimeout, PrintWriter err, LongSupplier clock) {
        this.bootstrapServers = bootstrapServers;
        this.stallTimeout = stallTimeout;
        this.err = err;
        this.clock = clock;
    }

    /**
     * Reads risk-assessments and dead-letters until every expected message has as many results as events (an edit is
     * one more); returns, per risk-assessments partition, the offset after the last assessment read.
     */
    Map<TopicPartition, Long> await(Map<String, Integer> expected, BacktestResults results) throws Backtest.StalledException {
        Map<String, Integer> received = new HashMap<>();
        Map<TopicPartition, Long> lastAssessment = new HashMap<>();
        AvroSerde<RiskAssessment> assessments = AvroSerde.of(RiskAssessment.class);
        AvroSerde<DeadLetter> letters = AvroSerde.of(DeadLetter.class);
        int missing = expected.size();
        long lastHeadway = clock.getAsLong();
        long lastReport = lastHeadway;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>(partitions(consumer, Topics.RISK_ASSESSMENTS.name()));
            partitions.addAll(partitions(consumer, Topics.DEAD_LETTERS.name()));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (missing > 0) {
                boolean headway = false;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    String key = null;
                    if (record.topic().equals(Topics.RISK_ASSESSMENTS.name())) {
                        RiskAssessment assessment = assessments.deserialize(record.topic(), record.value());
                        results.assessment(assessment);
                        key = BacktestResults.key(assessment.getChatId(), assessment.getMessageId());
                        lastAssessment.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    } else {
                        key = deadLetterKey(letters.deserialize(record.topic(), record.value()), results);
                    }
                    if (key != null && expected.containsKey(key)) {
                        int count = received.merge(key, 1, Integer::sum);
                        if (count == expected.get(key)) {
                            missing--;
                            headway = true;
                        }
                    }
                }
                long now = clock.getAsLong();
                if (headway) {
                    lastHeadway = now;
                } else if (now - lastHeadway > stallTimeout.toNanos()) {
                    throw new Backtest.StalledException("the pipeline stalled: " + missing + " of " + expected.size()
                            + " replayed messages have no RiskAssessment or dead letter after " + stallTimeout.toSeconds()
                            + " s without progress (assessed " + results.assessed() + ", dead-lettered " + results.deadLettered()
                            + "); see the services' logs above and Kafka's log file");
                }
                if (now - lastReport > REPORT_EVERY_NANOS) {
                    lastReport = now;
                    err.printf("  %,d of %,d messages assessed%n", expected.size() - missing, expected.size());
                    err.flush();
                }
            }
        }
        return lastAssessment;
    }

    /** The message a dead letter stands for, when its original bytes say; recorded in the results. */
    private static String deadLetterKey(DeadLetter letter, BacktestResults results) {
        if (letter.getOriginalValue() == null || letter.getSourceTopic() == null) {
            return null;
        }
        byte[] bytes = new byte[letter.getOriginalValue().remaining()];
        letter.getOriginalValue().duplicate().get(bytes);
        try {
            String chat;
            String message;
            if (letter.getSourceTopic().equals(Topics.MESSAGE_EVENTS.name())) {
                MessageEvent event = AvroSerde.of(MessageEvent.class).deserialize(letter.getSourceTopic(), bytes);
                chat = event.getChatId();
                message = event.getMessageId();
            } else if (letter.getSourceTopic().equals(Topics.DETECTIONS.name())) {
                Detection detection = AvroSerde.of(Detection.class).deserialize(letter.getSourceTopic(), bytes);
                chat = detection.getChatId();
                message = detection.getMessageId();
            } else {
                return null;
            }
            results.deadLetter(chat, message, letter.getStage(), letter.getReason());
            return BacktestResults.key(chat, message);
        } catch (SerializationException | NullPointerException e) {
            return null;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return ReadCommitted.consumer(bootstrapServers, "vigil-backtest-results");
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return ReadCommitted.partitions(consumer, topic);
    }
}
