package io.vigil.runtime.errors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * An output that cannot be serialized, or that the broker refuses as too large, sends its input to the dead-letter
 * topic; transient errors are retried. Any other refusal (authorization, a missing topic) is an operator's problem
 * that no record can route around, so the thread fails and the health endpoint shows it.
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
