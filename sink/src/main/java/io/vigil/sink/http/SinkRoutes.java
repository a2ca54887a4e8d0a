package io.vigil.sink.http;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.runtime.blobs.BlobException;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.schemas.BoundingBox;
import io.vigil.schemas.ExposedData;
import io.vigil.schemas.MediaRef;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.sink.feed.AlertFeed;
import io.vigil.sink.feed.AlertView;
import io.vigil.sink.media.MediaPreview;
import io.vigil.sink.routing.QueueRule;
import io.vigil.sink.routing.RoutingPolicy;
import io.vigil.sink.steps.QueueState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The sink's HTTP API: the live feed (Server-Sent Events), the queue state, decisions, and media previews. Every
 * handler is a few lines; the work is in the feed, the queue state and the preview renderer.
 */
public final class SinkRoutes {

    private static final Logger AUDIT = LoggerFactory.getLogger("io.vigil.audit");
    private static final int MAX_NOTE_CHARS = 2000;

    private final AlertFeed feed;
    private final QueueStateQueries queueState;
    private final DecisionPublisher decisions;
    private final BlobStore blobs;
    private final MediaPreview previews;
    private final RoutingPolicy routing;
    private final String moderatorHeader;
    private final MeterRegistry registry;
    private final Clock clock;

    public SinkRoutes(AlertFeed feed, QueueStateQueries queueState, DecisionPublisher decisions, BlobStore blobs,
                      MediaPreview previews, RoutingPolicy routing, String moderatorHeader, MeterRegistry registry, Clock clock) {
        this.feed = feed;
        this.queueState = queueState;
        this.decisions = decisions;
        this.blobs = blobs;
        this.previews = previews;
        this.routing = routing;
        this.moderatorHeader = moderatorHeader;
        this.registry = registry;
        this.clock = clock;
    }

    public void register(Javalin app) {
        app.get("/", ctx -> ctx.redirect("/index.html"));
        app.get("/api/settings", ctx -> ctx.json(Map.of("moderatorHeader", moderatorHeader,
                "queues", routing.queues().stream().map(q -> List.of(q.name(), q.priority())).toList())));
        app.sse("/api/feed", this::stream);
        app.get("/api/alerts", ctx -> ctx.json(feed.recent()));
        app.get("/api/queues", this::queues);
        app.get("/api/queues/{queue}/items", this::openItems);
        app.post("/api/items/{itemId}/decision", this::decide);
        app.get("/api/media/{chatId}/{itemId}/{index}", this::media);
        app.get(QueueStateQueries.INTERNAL_PATH, ctx -> ctx.contentType("application/x-ndjson").result(QueueEntryCodec.encode(queueState.local())));
        app.get(QueueStateQueries.INTERNAL_PATH + "/{itemId}", ctx -> ctx.contentType("application/x-ndjson")
                .result(QueueEntryCodec.encode(queueState.localGet(ctx.pathParam("itemId")).stream().toList())));
    }

    private void stream(SseClient client) {
        client.keepAlive();
        String lastEventId = client.ctx().header("Last-Event-ID");
        List<AlertView> backlog = lastEventId == null ? feed.recent() : feed.after(lastEventId);
        for (AlertView alert : backlog) {
            send(client, alert);
        }
        Runnable unsubscribe = feed.subscribe(alert -> send(client, alert));
        client.onClose(unsubscribe);
    }

    private static void send(SseClient client, AlertView alert) {
        synchronized (client) {
            if (!client.terminated()) {
                client.sendEvent("alert", alert, alert.id());
            }
        }
    }

    private void queues(Context ctx) {
        QueueStateQueries.Answer answer = queueState.all();
        List<QueueEntry> entries = answer.entries();
        Map<String, Object> body = new LinkedHashMap<>();
        for (QueueRule rule : routing.queues()) {
            long open = entries.stream().filter(e -> QueueState.isOpen(e) && e.getItem().getQueue().equals(rule.name())).count();
            body.put(rule.name(), Map.of("priority", rule.priority(), "minScore", rule.minScore(), "open", open));
        }
        ctx.json(Map.of("live", feed.isLive(), "complete", answer.complete(), "queues", body));
    }

    private void openItems(Context ctx) {
        String queue = ctx.pathParam("queue");
        if (!routing.queueNames().contains(queue)) {
            throw new NotFoundResponse("no queue named " + queue);
        }
        ctx.json(queueState.all().entries().stream()
                .filter(e -> QueueState.isOpen(e) && e.getItem().getQueue().equals(queue))
                .map(QueueEntry::getItem)
                .sorted(Comparator.comparingDouble(QueueItem::getScore).reversed().thenComparing(QueueItem::getEnqueuedAt))
                .map(item -> AlertView.of(item.getItemId(), item))
                .toList());
    }

    private void decide(Context ctx) throws InterruptedException {
        String moderator = moderator(ctx);
        DecisionRequest request = ctx.bodyAsClass(DecisionRequest.class);
        ModerationAction action = parseAction(request.action());
        if (request.chatId() == null || request.platform() == null || request.messageId() == null || request.queue() == null) {
            throw new BadRequestResponse("platform, chatId, messageId and queue are required");
        }
        if (request.note() != null && request.note().length() > MAX_NOTE_CHARS) {
            throw new BadRequestResponse("note is longer than " + MAX_NOTE_CHARS + " characters");
        }
        ModerationDecision decision = ModerationDecision.newBuilder()
                .setItemId(ctx.pathParam("itemId")).setQueue(request.queue()).setPlatform(request.platform())
                .setChatId(request.chatId()).setMessageId(request.messageId()).setAction(action)
                .setModeratorId(moderator).setNote(request.note()).setDecidedAt(clock.instant()).build();
        try {
            decisions.publish(decision);
        } catch (ExecutionException | TimeoutException e) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "decision not recorded, try again"));
            return;
        }
        AUDIT.info("moderator {} decided {} on {}", moderator, action, decision.getItemId());
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("itemId", decision.getItemId(), "action", action.name()));
    }

    private void media(Context ctx) {
        String itemId = ctx.pathParam("itemId");
        int index = ctx.pathParamAsClass("index", Integer.class).get();
        QueueItem item = item(ctx.pathParam("chatId"), itemId, index);
        MediaRef ref = item.getMedia().get(index);
        boolean original = "original".equals(ctx.queryParam("view"));
        String moderator = original ? moderator(ctx) : null;
        byte[] bytes;
        try {
            bytes = blobs.fetch(null, ref.getBlobUri());
        } catch (BlobException e) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", e.code()));
            return;
        }
        ctx.header("Cache-Control", "no-store");
        if (original) {
            registry.counter("vigil.media.reveals").increment();
            AUDIT.info("moderator {} revealed media {} of {}", moderator, index, itemId);
            ctx.contentType("application/octet-stream").header("Content-Disposition", "inline").result(bytes);
            return;
        }
        List<BoundingBox> readHere = item.getExposedData().stream()
                .filter(e -> e.getMediaIndex() != null && e.getMediaIndex() == index && e.getBox() != null)
                .map(ExposedData::getBox).toList();
        previews.blurred(bytes, readHere).ifPresentOrElse(
                jpeg -> ctx.contentType("image/jpeg").result(jpeg),
                () -> ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).json(Map.of("error", "no preview for this media kind")));
    }

    private QueueItem item(String chatId, String itemId, int index) {
        QueueItem item = queueState.get(chatId, itemId).map(QueueEntry::getItem).orElse(null);
        if (item == null || index < 0 || index >= item.getMedia().size()) {
            throw new NotFoundResponse("no media " + index + " in item " + itemId);
        }
        return item;
    }

    private String moderator(Context ctx) {
        String moderator = ctx.header(moderatorHeader);
        if (moderator == null || moderator.isBlank()) {
            throw new UnauthorizedResponse("the " + moderatorHeader + " header must name the moderator");
        }
        return moderator.strip();
    }

    private static ModerationAction parseAction(String action) {
        try {
            ModerationAction parsed = ModerationAction.valueOf(action == null ? "" : action.toUpperCase(Locale.ROOT));
            if (parsed != ModerationAction.UNKNOWN) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the refusal below
        }
        throw new BadRequestResponse("action must be one of CONFIRMED_REMOVE, CONFIRMED_REMOVE_AND_BAN, ESCALATED, "
                + "DISMISSED_FALSE_POSITIVE, DISMISSED_NO_ACTION");
    }
}
