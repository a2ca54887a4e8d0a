package io.vigil.detector.steps;

import io.vigil.detector.analysis.MessageInGroup;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
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
import java.util.Set;

/**
 * Remembers when each sender last posted an image in each chat, so that the doxxing detector knows whether a
 * message follows an image: the documented pattern is the photo first, the victim's number right after. Messages
 * are keyed by chat, so a chat's senders live in one task's store and no repartition is needed. It runs in the text
 * stage, which sees every message in order, before messages with media go on to the media stage.
 */
public final class ImageSenderMemory implements FixedKeyProcessor<String, MessageInGroup, MessageInGroup> {

    public static final String STORE = "last-image-by-sender";
    private static final Set<MediaKind> IMAGES = Set.of(MediaKind.PHOTO, MediaKind.ANIMATION, MediaKind.STICKER);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final Duration window;
    private KeyValueStore<String, Long> lastImageAt;
    private FixedKeyProcessorContext<String, MessageInGroup> context;

    public ImageSenderMemory(Duration window) {
        this.window = window;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, MessageInGroup> context) {
        this.context = context;
        this.lastImageAt = context.getStateStore(STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.STREAM_TIME, this::forgetOlderThanWindow);
    }

    @Override
    public void process(FixedKeyRecord<String, MessageInGroup> record) {
        MessageEvent event = record.value().event();
        String sender = event.getChatId() + "/" + event.getSenderId();
        long sentAt = event.getSentAt().toEpochMilli();
        Long previous = lastImageAt.get(sender);
        boolean carriesImage = event.getMedia().stream().anyMatch(ImageSenderMemory::isImage);
        boolean follows = carriesImage || (previous != null && sentAt >= previous && sentAt - previous <= window.toMillis());
        if (carriesImage && (previous == null || sentAt > previous)) {
            lastImageAt.put(sender, sentAt);
        }
        context.forward(record.withValue(record.value().withFollowsImage(follows)));
    }

    private static boolean isImage(MediaItem item) {
        // Telegram users send uncompressed photos as documents; their mime type tells.
        return IMAGES.contains(item.getKind())
                || (item.getKind() == MediaKind.DOCUMENT && item.getMime() != null && item.getMime().startsWith("image/"));
    }

    private void forgetOlderThanWindow(long streamTime) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = lastImageAt.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (entry.value < streamTime - window.toMillis()) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(lastImageAt::delete);
    }
}
