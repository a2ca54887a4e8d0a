package io.vigil.runtime.errors;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import java.util.List;
import java.util.Map;

/**
 * A record that a processing step rejects or fails on goes to the dead-letter topic with the input record's original
 * bytes, in the same transaction as the step's other output; the stream carries on.
 */
public class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.fromStreamsConfig(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        return Response.resume(List.of(deadLetters.deadLetter(DeadLetterStage.PROCESSING, context,
                context.sourceRawKey(), context.sourceRawValue(), exception)));
    }
}
