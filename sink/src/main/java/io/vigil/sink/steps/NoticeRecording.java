package io.vigil.sink.steps;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.schemas.Notice;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.sink.notices.NoticeEvidence;
import io.vigil.sink.work.CommandDecider;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.util.Locale;

/**
 * Puts each notice where a moderator will see it: on the open item about its message (which is re-recorded and
 * re-published with the notice), else on a new item. The queue state is only read here; the queue item recording
 * and the queue topic downstream do the rest, as for routed items.
 */
public final class NoticeRecording implements Processor<String, Notice, String, QueueItem> {

    private final NoticeEvidence evidence;
    private final MeterRegistry registry;
    private final Clock clock;
    private ProcessorContext<String, QueueItem> context;
    private KeyValueStore<String, QueueEntry> store;

    public NoticeRecording(NoticeEvidence evidence, MeterRegistry registry, Clock clock) {
        this.evidence = evidence;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, QueueItem> context) {
        this.context = context;
        store = context.getStateStore(QueueState.STORE);
    }

    @Override
    public void process(Record<String, Notice> record) {
        Notice notice = record.value();
        String itemId = NoticeEvidence.itemId(notice);
        QueueEntry entry = store.get(itemId);
        QueueItem item;
        String outcome;
        if (entry != null && entry.getItem() != null && entry.getDecision() == null) {
            QueueItem attached = evidence.attach(entry.getItem(), notice);
            // An escalated item lives on in its current queue's topic.
            item = QueueItem.newBuilder(attached).setQueue(CommandDecider.currentQueue(entry)).build();
            outcome = "joined_item";
        } else if (entry != null) {
            item = evidence.newItem(notice, NoticeEvidence.reopenedItemId(itemId, notice.getNoticeId()), clock.instant());
            outcome = "after_decision";
        } else {
            item = evidence.newItem(notice, itemId, clock.instant());
            outcome = "new_item";
        }
        registry.counter("vigil.notices.queued", "outcome", outcome,
                "reporter", notice.getReporterType().name().toLowerCase(Locale.ROOT)).increment();
        context.forward(record.withKey(item.getChatId()).withValue(item));
    }
}
