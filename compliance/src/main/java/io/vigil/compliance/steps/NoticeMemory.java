package io.vigil.compliance.steps;

import io.vigil.schemas.Notice;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;

/** Remembers who sent each notice, so that a decision answering it names the right source in its statement. */
public final class NoticeMemory implements Processor<String, Notice, Void, Void> {

    private final Duration keep;
    private final Clock clock;
    private KeyValueStore<String, Notice> notices;

    public NoticeMemory(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        notices = context.getStateStore(ComplianceStores.NOTICES);
        Forgetting.schedule(context, notices, Notice::getReceivedAt, keep, clock);
    }

    @Override
    public void process(Record<String, Notice> record) {
        notices.put(record.value().getNoticeId(), record.value());
    }
}
