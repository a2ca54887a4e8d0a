package io.vigil.ingest.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.ingest.kafka.TransactionalWriter;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.GroupPhoto;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Telegram bot adapter: updates in, events out, no update lost or written twice across restarts.
 *
 * <p>Each batch of updates is mapped, its files fetched into the blob store, and its events, metadata and the next
 * update id written in one Kafka transaction ({@link TransactionalWriter}). Only then is the offset confirmed to
 * Telegram, by the next getUpdates that asks from it. A crash before the commit leaves nothing visible and the updates
 * unconfirmed, so Telegram hands them out again; a crash after it leaves the next id in the ledger, so the restarted
 * adapter asks from there and Telegram drops the updates before it. An update that comes again anyway (a webhook reply
 * lost on the way) has an id below the ledger's and is acknowledged without being written.
 */
public final class TelegramBot {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    /** A batch whose files could not be fetched this many times is written with those files marked download_failed. */
    private static final int FETCH_ATTEMPTS = 3;

    private final BotApi api;
    private final TransactionalWriter writer;
    private final UpdateMapper mapper;
    private final MediaFetcher fetcher;
    private final MemberCounts memberCounts;
    private final BotMetadata metadata = new BotMetadata();
    private final boolean writeMetadata;
    private final MeterRegistry registry;
    private TransactionalWriter.Position position;
    private long failedFetchesOfBatch;
    private long failedBatchStart = -1;
    private final AtomicLong nextUpdateId = new AtomicLong();
    private volatile Instant lastSuccess = Instant.now();

    TelegramBot(BotApi api, TransactionalWriter writer, UpdateMapper mapper, MediaFetcher fetcher, MemberCounts memberCounts,
                boolean writeMetadata, MeterRegistry registry) {
        this.api = api;
        this.writer = writer;
        this.mapper = mapper;
        this.fetcher = fetcher;
        this.memberCounts = memberCounts;
        this.writeMetadata = writeMetadata;
        this.registry = registry;
        this.position = writer.readPosition();
        this.nextUpdateId.set(position.next());
        registry.gauge("vigil.telegram.next.update.id", nextUpdateId);
        LOG.info("Telegram adapter resumes at update {} ({} updates written before)", position.next(), position.written());
    }

    /** The first update id not yet written: what getUpdates asks from. */
    public long nextUpdateId() {
        return position.next();
    }

    /** When a poll or a batch last went through. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** One long poll: asks from the next id (confirming everything before it) and writes what comes. */
    public int pollOnce(int timeoutSeconds, int limit, List<String> allowedUpdates) throws Exception {
        List<JsonNode> updates = api.getUpdates(position.next(), timeoutSeconds, limit, allowedUpdates);
        int written = handle(updates);
        lastSuccess = Instant.now();
        return written;
    }

    /**
     * Writes a batch of updates, or throws having written nothing. Updates below the ledger's next id were written
     * before and are only counted.
     *
     * @return the number of updates this call wrote (recorded or not: each moves the offset)
     */
    public synchronized int handle(List<JsonNode> updates) throws Exception {
        List<BotUpdate> fresh = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (JsonNode update : updates) {
            long id = update.path("update_id").asLong(-1);
            if (id < position.next()) {
                registry.counter("vigil.telegram.updates", "kind", "any", "outcome", "duplicate").increment();
                continue;
            }
            try {
                fresh.add(mapper.map(update));
            } catch (RuntimeException e) {
                // An update the mapper cannot read must not hold back the ones after it: it goes to the dead letters.
                fresh.add(BotUpdate.notRecorded(id, "unknown", "dead_letter", null));
                deadLetters.add(deadLetter(update, e));
                LOG.warn("update {} could not be mapped ({}); written to {}", id, e.getClass().getSimpleName(), Topics.DEAD_LETTERS.name());
            }
        }
        if (fresh.isEmpty()) {
            return 0;
        }
        boolean giveUpOnFailedFetches = fresh.get(0).updateId() == failedBatchStart && failedFetchesOfBatch >= FETCH_ATTEMPTS - 1;
        List<MessageEvent> messages = new ArrayList<>();
        List<GroupEvent> groupEvents = new ArrayList<>();
        Map<String, BotChat> chats = new LinkedHashMap<>();
        try {
            for (BotUpdate update : fresh) {
                if (update.migratedTo() != null) {
                    metadata.migrated(update.chat().id(), update.migratedTo());
                }
                if (update.chat() != null && update.chat().isGroupOrChannel()) {
                    chats.put(update.chat().id(), update.chat());
                }
                if (update.message() != null) {
                    messages.add(withFiles(update, giveUpOnFailedFetches));
                }
                groupEvents.addAll(withPhoto(update, giveUpOnFailedFetches));
            }
        } catch (MediaFetcher.TransientException e) {
            if (failedBatchStart != fresh.get(0).updateId()) {
                failedBatchStart = fresh.get(0).updateId();
                failedFetchesOfBatch = 0;
            }
            failedFetchesOfBatch++;
            registry.counter("vigil.telegram.fetch.retries").increment();
            throw e;
        }
        List<GroupMetadata> changed = new ArrayList<>();
        if (writeMetadata) {
            Instant now = Instant.now();
            for (BotChat chat : chats.values()) {
                GroupMetadata current = metadata.changed(chat, memberCounts.current(chat.id()), now);
                if (current != null) {
                    changed.add(current);
                }
            }
        }
        long last = fresh.get(fresh.size() - 1).updateId();
        TransactionalWriter.Position next = new TransactionalWriter.Position(last + 1, position.written() + fresh.size());
        writer.write(new TransactionalWriter.Batch(messages, groupEvents, changed, deadLetters), next);
        position = next;
        nextUpdateId.set(next.next());
        changed.forEach(metadata::written);
        failedBatchStart = -1;
        failedFetchesOfBatch = 0;
        lastSuccess = Instant.now();
        for (BotUpdate update : fresh) {
            registry.counter("vigil.telegram.updates", "kind", update.kind(), "outcome", update.outcome()).increment();
        }
        LOG.debug("wrote updates {}..{}: {} messages, {} group events, {} metadata", fresh.get(0).updateId(), last,
                messages.size(), groupEvents.size(), changed.size());
        return fresh.size();
    }

    private static DeadLetter deadLetter(JsonNode update, RuntimeException e) {
        return DeadLetter.newBuilder().setApplication("vigil-telegram-bot").setSourceTopic(null).setStage("ingest")
                .setErrorClass(e.getClass().getName()).setReason("unmappable_update: the Bot API update could not be mapped")
                .setOriginalValue(ByteBuffer.wrap(update.toString().getBytes(StandardCharsets.UTF_8))).setFailedAt(Instant.now()).build();
    }

    private MessageEvent withFiles(BotUpdate update, boolean giveUp) throws MediaFetcher.TransientException, InterruptedException {
        MessageEvent message = update.message();
        if (update.downloads().isEmpty()) {
            return message;
        }
        List<MediaItem> media = new ArrayList<>(message.getMedia());
        for (BotUpdate.Download download : update.downloads()) {
            MediaItem item = media.get(download.mediaIndex());
            MediaItem.Builder filled = MediaItem.newBuilder(item);
            try {
                MediaFetcher.Fetched fetched = fetcher.fetch(download.fileId(), extension(item), false);
                if (fetched.stored() != null) {
                    filled.setBlobUri(fetched.stored().blobUri()).setSizeBytes(fetched.stored().size());
                } else {
                    filled.setUnavailable(fetched.unavailable());
                }
            } catch (MediaFetcher.TransientException e) {
                if (!giveUp) {
                    throw e;
                }
                filled.setUnavailable("download_failed");
            }
            MediaItem result = filled.build();
            registry.counter("vigil.telegram.media", "outcome", result.getUnavailable() == null ? "stored" : result.getUnavailable()).increment();
            media.set(download.mediaIndex(), result);
        }
        return MessageEvent.newBuilder(message).setMedia(media).build();
    }

    private List<GroupEvent> withPhoto(BotUpdate update, boolean giveUp) throws MediaFetcher.TransientException, InterruptedException {
        if (update.groupPhoto() == null) {
            return update.groupEvents();
        }
        List<GroupEvent> events = new ArrayList<>(update.groupEvents());
        GroupPhoto photo;
        try {
            photo = fetcher.groupPhoto(update.groupPhoto().fileId());
        } catch (MediaFetcher.TransientException e) {
            if (!giveUp) {
                throw e;
            }
            photo = null;
        }
        int index = update.groupPhoto().groupEventIndex();
        events.set(index, GroupEvent.newBuilder(events.get(index)).setPhoto(photo).build());
        return events;
    }

    private static String extension(MediaItem item) {
        String mime = item.getMime() == null ? "" : item.getMime();
        return switch (mime) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            case "image/gif" -> "gif";
            case "video/mp4" -> "mp4";
            default -> "";
        };
    }

    /** Long-polls until stopped, backing off on errors, and stops for good if another instance takes over. */
    public void pollUntilStopped(int timeoutSeconds, int limit, List<String> allowedUpdates, java.util.function.BooleanSupplier running) {
        Duration backoff = Duration.ofSeconds(1);
        while (running.getAsBoolean()) {
            try {
                pollOnce(timeoutSeconds, limit, allowedUpdates);
                backoff = Duration.ofSeconds(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TransactionalWriter.FatalException e) {
                LOG.error("Telegram adapter stops: {}", e.getMessage());
                registry.counter("vigil.telegram.errors", "kind", "fatal").increment();
                throw e;
            } catch (BotApiException e) {
                registry.counter("vigil.telegram.errors", "kind", "api_" + e.code()).increment();
                if (e.isUnauthorized()) {
                    LOG.error("the Bot API refuses the token ({}); check telegram.token-file", e.getMessage());
                } else if (e.isConflict()) {
                    LOG.error("the Bot API reports a conflict ({}): another adapter polls with this token, or a webhook is set", e.getMessage());
                } else {
                    LOG.warn("Bot API call failed: {}", e.getMessage());
                }
                backoff = sleep(e.retryAfterSeconds() > 0 ? Duration.ofSeconds(e.retryAfterSeconds()) : backoff);
            } catch (Exception e) {
                registry.counter("vigil.telegram.errors", "kind", "write").increment();
                LOG.warn("batch from update {} not written, will retry: {}", position.next(), e.getMessage());
                backoff = sleep(backoff);
            }
        }
    }

    private static Duration sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : next;
    }
}
