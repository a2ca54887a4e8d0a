package io.vigil.sink.http;

import io.vigil.runtime.kafka.KafkaClients;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands a moderator's command to the topology and waits, a bounded time, for its verdict. The command goes to
 * {@code moderation-commands} keyed by its chat; the task that owns the chat applies it against the item's state
 * and writes the verdict to its outcome store, which this gateway reads (on whichever instance holds it).
 */
public final class CommandGateway implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 10;
    private static final long POLL_MILLIS = 25;

    /** The command could not be written to Kafka; nothing happened. */
    public static final class NotRecorded extends Exception {
        NotRecorded(Throwable cause) {
            super("the command was not recorded", cause);
        }
    }

    private final KafkaProducer<String, ModerationCommand> producer;
    private final QueueStateQueries queries;
    private final Duration timeout;

    public CommandGateway(KafkaClients clients, QueueStateQueries queries, Duration timeout) {
        this.producer = clients.producer("vigil-sink-commands", new StringSerializer(), AvroSerde.of(ModerationCommand.class));
        this.queries = queries;
        this.timeout = timeout;
    }

    /** The verdict, or empty if it did not come within the timeout (the command is recorded and will be applied). */
    public Optional<CommandOutcome> submit(ModerationCommand command) throws NotRecorded, InterruptedException {
        try {
            producer.send(new ProducerRecord<>(Topics.MODERATION_COMMANDS.name(), command.getChatId(), command))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new NotRecorded(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<CommandOutcome> outcome = queries.outcome(command.getChatId(), command.getCommandId());
            if (outcome.isPresent()) {
                return outcome;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        producer.close();
    }
}
