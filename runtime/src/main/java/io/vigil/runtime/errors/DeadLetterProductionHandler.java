package io.vigil.runtime.errors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * An output that cannot be serialized sends its input to the dead-letter topic: serialization happens before the
 * send, in a healthy transaction. A send the producer refused is different under exactly-once: the producer has
 * already failed the open transaction, so a dead letter returned now would be aborted with it (and counted without
 * ever being written). Then the handler fails the task, which restarts from its last commit, and the refusal is
 * counted and logged; services bound their outputs before sending ({@code OutputBound}) so that the broker never
 * refuses one for its size. Transient errors are retried.
 */
public class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.fromStreamsConfig(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        if (deadLetters.exactlyOnce()) {
            deadLetters.refusedInTransaction(context, record.topic(), exception);
            return Response.fail();
        }
        List<ProducerRecord<byte[], byte[]>> letter = List.of(deadLetters.deadLetter(DeadLetterStage.PRODUCTION, context,
                context.sourceRawKey(), context.sourceRawValue(), exception));
        return exception instanceof RecordTooLargeException ? Response.resume(letter) : Response.fail(letter);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return Response.resume(List.of(deadLetters.deadLetter(DeadLetterStage.PRODUCTION, context,
                context.sourceRawKey(), context.sourceRawValue(), exception)));
    }
}
