package io.vigil.sink.steps;

import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.ModerationCommand;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A command must be keyed by its chat: the item it acts on lives in that chat's partition, and a command keyed
 * otherwise would be applied against another partition's state. Such a command, a tombstone, or one without its ids
 * is refused as a dead letter with the reason, before any state is touched.
 */
public final class CommandValidation implements Processor<String, ModerationCommand, String, ModerationCommand> {

    private ProcessorContext<String, ModerationCommand> context;

    @Override
    public void init(ProcessorContext<String, ModerationCommand> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ModerationCommand> record) {
        context.forward(record.withValue(check(record.key(), record.value())));
    }

    static ModerationCommand check(String key, ModerationCommand command) {
        if (command == null) {
            throw new RejectedRecordException("tombstone", "a moderation command cannot be deleted with a tombstone");
        }
        if (key == null || !key.equals(command.getChatId())) {
            throw new RejectedRecordException("key_not_chat_id", "moderation command must be keyed by its chat id");
        }
        if (command.getItemId().isBlank() || command.getCommandId().isBlank()) {
            throw new RejectedRecordException("missing_id", "moderation command names no item or has no command id");
        }
        return command;
    }
}
