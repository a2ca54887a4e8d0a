package io.vigil.detector.steps;

import io.vigil.detector.analysis.MessageAnalysis;
import io.vigil.detector.analysis.MessageInGroup;
import io.vigil.detector.doxxing.PriorCues;
import io.vigil.schemas.MessageEvent;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans each message's text knowing what the same sender's previous message in the chat pointed at: "her number is"
 * in one message and the digits in the next are one exposure split over two. Only the cue kinds of that message are
 * kept ({@link PriorCues}, a few bits, never its words), with when it was sent; a message further back than the
 * window carries nothing over. Messages are keyed by chat, so a chat's senders live in one task's store.
 *
 * <p>It runs in the detector's text stage, which sees every message of a chat in order: a message without media is
 * scanned here; a message with media has only its caption scanned here, for the cues its sender's next message
 * needs, and leaves unscanned with its prior attached (the media stage scans the caption again with the text read
 * from its images, knowing the same prior). Captions are short, so scanning one twice costs little, and the memory
 * stays in one place, in the chat's order.
 */
public final class SenderTextMemory implements FixedKeyProcessor<String, MessageInGroup, MessageAnalysis> {

    public static final String STORE = "last-cues-by-sender";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);
    /** The value packs the previous message's send time (ms) above its cue bits. */
    private static final int CUE_BITS = 16;

    private final TextScanning scanning;
    private final Duration window;
    private KeyValueStore<String, Long> lastCues;
    private FixedKeyProcessorContext<String, MessageAnalysis> context;

    public SenderTextMemory(TextScanning scanning, Duration window) {
        this.scanning = scanning;
        this.window = window;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, MessageAnalysis> context) {
        this.context = context;
        this.lastCues = context.getStateStore(STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::forgetOlderThanWindow);
    }

    @Override
    public void process(FixedKeyRecord<String, MessageInGroup> record) {
        MessageEvent event = record.value().event();
        String sender = event.getChatId() + "/" + event.getSenderId();
        long sentAt = event.getSentAt().toEpochMilli();
        Long previous = lastCues.get(sender);
        PriorCues prior = PriorCues.NONE;
        if (previous != null) {
            long previousAt = previous >>> CUE_BITS;
            if (sentAt >= previousAt && sentAt - previousAt <= window.toMillis()) {
                prior = new PriorCues((int) (previous & ((1L << CUE_BITS) - 1)));
            }
        }
        MessageAnalysis message = MessageAnalysis.textOnly(record.value()).withPrior(prior);
        MessageAnalysis scanned = scanning.scan(message);
        if (scanned.text().isPresent() && (previous == null || sentAt >= previous >>> CUE_BITS)) {
            remember(sender, previous, sentAt, scanned.text().get().cues());
        }
        context.forward(record.withValue(record.value().hasMedia() ? message : scanned));
    }

    /**
     * A message whose cues cannot change how the next one is scored leaves nothing for it, which is what no row says
     * as well: its row is written only to replace one that still does. Most messages point at nothing that matters
     * ("la foto", "la fiesta" are cues, but about no one the scorer weighs), so most write nothing (a store write is
     * a RocksDB put and a changelog record in the transaction).
     */
    private void remember(String sender, Long previous, long sentAt, PriorCues cues) {
        int bits = cues.bits() & ((1 << CUE_BITS) - 1);
        if (bits != 0 && scanning.changesTheNextScan(cues)) {
            lastCues.put(sender, (sentAt << CUE_BITS) | bits);
        } else if (previous != null) {
            lastCues.delete(sender);
        }
    }

    private void forgetOlderThanWindow(long streamTime) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = lastCues.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if ((entry.value >>> CUE_BITS) < streamTime - window.toMillis()) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(lastCues::delete);
    }
}
