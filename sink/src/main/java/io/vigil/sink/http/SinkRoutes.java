package io.vigil.sink.http;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.detector.media.ImageFormat;
import io.vigil.runtime.blobs.BlobException;
import io.vigil.runtime.blobs.BlobStore;
import io.vigil.schemas.AuditAction;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.CommandKind;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.BoundingBox;
import io.vigil.schemas.ExposedData;
import io.vigil.schemas.MediaRef;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.QueueEntry;
import io.vigil.sink.auth.Caller;
import io.vigil.sink.auth.Permission;
import io.vigil.sink.auth.QueueAccess;
import io.vigil.sink.feed.AlertFeed;
import io.vigil.sink.feed.AlertView;
import io.vigil.sink.media.MediaPreview;
import io.vigil.sink.routing.QueueRule;
import io.vigil.sink.routing.RoutingPolicy;
import io.vigil.sink.work.CommandDecider;
import io.vigil.sink.work.WorkSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The sink's HTTP API for moderators and their page: the live feed, cases and queues, claims, escalations and
 * decisions (as commands the topology applies), blurred previews and audited reveals. {@link #table()} is the one
 * list of routes and the access rule of each; handlers are short, and the work is in the topology and the views.
 */
public final class SinkRoutes {

    private static final int MAX_NOTE_CHARS = 2000;
    private static final int MIN_REASON_CHARS = 3;
    private static final int MAX_REASON_CHARS = 500;
    private static final String JSON = "application/json";

    /** One route: method, path, who may call it, and what it does. */
    public record Route(HandlerType method, String path, AccessRule rule, io.javalin.http.Handler handler) {
    }

    /** What the routes work with. */
    public record Services(AlertFeed feed, QueueStateQueries queueState, CommandGateway commands, AuditTrail audit, BlobStore blobs,
                           MediaPreview previews, LoginSettings login) {
    }

    /** What the page needs to sign in, served without a credential. */
    public interface LoginSettings {
        Map<String, Object> forPage();
    }

    private final Services services;
    private final RoutingPolicy routing;
    private final WorkSettings work;
    private final QueueAccess access;
    private final RateLimits decisionLimits;
    private final RateLimits revealLimits;
    private final MeterRegistry registry;
    private final Clock clock;

    public SinkRoutes(Services services, RoutingPolicy routing, WorkSettings work, QueueAccess access, MeterRegistry registry, Clock clock) {
        this.services = services;
        this.routing = routing;
        this.work = work;
        this.access = access;
        this.decisionLimits = new RateLimits(work.decisionsPerMinute(), clock);
        this.revealLimits = new RateLimits(work.revealsPerMinute(), clock);
        this.registry = registry;
        this.clock = clock;
    }

    /** Every route of the sink and its access rule (the runtime's /metrics and /health are public). */
    public List<Route> table() {
        return List.of(
                new Route(HandlerType.GET, "/", AccessRule.PUBLIC, ctx -> ctx.redirect("/index.html")),
                new Route(HandlerType.GET, "/api/settings", AccessRule.PUBLIC, this::settings),
                new Route(HandlerType.GET, "/api/me", AccessRule.SIGNED_IN, this::me),
                new Route(HandlerType.POST, "/api/login", AccessRule.SIGNED_IN, this::login),
                new Route(HandlerType.GET, "/api/alerts", AccessRule.VIEW, this::alerts),
                new Route(HandlerType.GET, "/api/queues", AccessRule.VIEW, this::queues),
                new Route(HandlerType.GET, "/api/queues/{queue}/items", AccessRule.VIEW, this::queueItems),
                new Route(HandlerType.GET, "/api/cases", AccessRule.VIEW, this::cases),
                new Route(HandlerType.GET, "/api/media/{chatId}/{itemId}/{index}", AccessRule.VIEW, this::preview),
                new Route(HandlerType.POST, "/api/items/{itemId}/media/{index}/reveal", AccessRule.REVEAL, this::reveal),
                new Route(HandlerType.POST, "/api/items/{itemId}/reveal-requests", AccessRule.REVEAL,
                        ctx -> itemCommand(ctx, CommandKind.REQUEST_REVEAL)),
                new Route(HandlerType.POST, "/api/items/{itemId}/reveal-approvals", AccessRule.REVEAL,
                        ctx -> itemCommand(ctx, CommandKind.APPROVE_REVEAL)),
                new Route(HandlerType.POST, "/api/items/{itemId}/claim", AccessRule.CLAIM, ctx -> itemCommand(ctx, CommandKind.CLAIM)),
                new Route(HandlerType.POST, "/api/items/{itemId}/release", AccessRule.CLAIM, ctx -> itemCommand(ctx, CommandKind.RELEASE)),
                new Route(HandlerType.POST, "/api/items/{itemId}/escalate", AccessRule.ESCALATE, ctx -> itemCommand(ctx, CommandKind.ESCALATE)),
                new Route(HandlerType.POST, "/api/items/{itemId}/decision", AccessRule.DECIDE, ctx -> itemCommand(ctx, CommandKind.DECIDE)),
                new Route(HandlerType.POST, "/api/cases/{caseId}/claim", AccessRule.CLAIM, ctx -> caseCommand(ctx, CommandKind.CLAIM)),
                new Route(HandlerType.POST, "/api/cases/{caseId}/decision", AccessRule.DECIDE, ctx -> caseCommand(ctx, CommandKind.DECIDE)),
                new Route(HandlerType.GET, QueueStateQueries.INTERNAL_PATH, AccessRule.PEER, ctx -> ctx.contentType("application/x-ndjson")
                        .result(QueueStateQueries.ENTRIES.encode(services.queueState().local()))),
                new Route(HandlerType.GET, QueueStateQueries.INTERNAL_PATH + "/{itemId}", AccessRule.PEER, ctx -> ctx.contentType("application/x-ndjson")
                        .result(QueueStateQueries.ENTRIES.encode(services.queueState().localGet(Identifiers.item(ctx.pathParam("itemId"))).stream().toList()))),
                new Route(HandlerType.GET, QueueStateQueries.OUTCOMES_PATH + "/{commandId}", AccessRule.PEER, ctx -> ctx.contentType("application/x-ndjson")
                        .result(QueueStateQueries.OUTCOMES.encode(services.queueState().localOutcome(Identifiers.command(ctx.pathParam("commandId"))).stream().toList()))));
    }

    /** The live feed's route (Server-Sent Events), also in the table's terms. */
    public static final String FEED_PATH = "/api/feed";

    public void register(Javalin app) {
        for (Route route : table()) {
            app.addHttpHandler(route.method(), route.path(), route.handler(), route.rule());
        }
        app.sse(FEED_PATH, this::stream, AccessRule.VIEW);
    }

    private void settings(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>(services.login().forPage());
        body.put("queues", queueNames().stream().map(q -> List.of(q, priority(q))).toList());
        body.put("revealSeconds", work.revealSeconds());
        ctx.json(body);
    }

    private void me(Context ctx) {
        Caller caller = AccessGuard.caller(ctx);
        ctx.json(Map.of("subject", caller.subject(), "name", caller.name(), "roles", caller.roleNames(),
                "may", java.util.Arrays.stream(Permission.values()).filter(caller::may).map(p -> p.name().toLowerCase(Locale.ROOT)).toList(),
                "queues", queueNames().stream().filter(q -> access.allows(caller, q)).toList()));
    }

    private void login(Context ctx) throws InterruptedException {
        Caller caller = AccessGuard.caller(ctx);
        if (!services.audit().record(audit(caller, AuditAction.LOGIN).build())) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "the audit log is not reachable; try again"));
            return;
        }
        ctx.json(Map.of("subject", caller.subject(), "roles", caller.roleNames()));
    }

    private void stream(SseClient client) {
        Caller caller = AccessGuard.caller(client.ctx());
        client.keepAlive();
        String lastEventId = client.ctx().header("Last-Event-ID");
        List<AlertView> backlog = lastEventId == null ? services.feed().recent() : services.feed().after(lastEventId);
        for (AlertView alert : backlog) {
            send(client, caller, alert);
        }
        Runnable unsubscribe = services.feed().subscribe(alert -> send(client, caller, alert));
        client.onClose(unsubscribe);
    }

    private void send(SseClient client, Caller caller, AlertView alert) {
        if (!access.allows(caller, alert.queue())) {
            return;
        }
        synchronized (client) {
            if (!client.terminated()) {
                client.sendEvent("alert", alert, alert.id());
            }
        }
    }

    private void alerts(Context ctx) {
        Caller caller = AccessGuard.caller(ctx);
        ctx.json(services.feed().recent().stream().filter(a -> access.allows(caller, a.queue())).toList());
    }

    private void queues(Context ctx) {
        Caller caller = AccessGuard.caller(ctx);
        QueueStateQueries.Answer answer = services.queueState().all();
        Map<String, Object> body = new LinkedHashMap<>();
        for (String queue : queueNames()) {
            if (!access.allows(caller, queue)) {
                continue;
            }
            long open = answer.entries().stream().filter(e -> QueueStateOpen.in(e, queue)).count();
            body.put(queue, Map.of("priority", priority(queue), "open", open,
                    "slaMinutes", Optional.ofNullable(work.slaMinutes().get(queue)).orElse(0)));
        }
        ctx.json(Map.of("live", services.feed().isLive(), "complete", answer.complete(), "queues", body));
    }

    private void queueItems(Context ctx) {
        Caller caller = AccessGuard.caller(ctx);
        String queue = Identifiers.queue(ctx.pathParam("queue"));
        if (!queueNames().contains(queue)) {
            throw new NotFoundResponse("no queue named " + queue);
        }
        if (!access.allows(caller, queue)) {
            throw new ForbiddenResponse("your roles do not reach queue " + queue);
        }
        ctx.json(services.queueState().all().entries().stream().filter(e -> QueueStateOpen.in(e, queue))
                .sorted(java.util.Comparator.comparing(QueueEntry::getItem, io.vigil.sink.work.WorkOrder.ITEMS))
                .map(e -> WorkViews.item(e, 1)).toList());
    }

    private void cases(Context ctx) {
        Caller caller = AccessGuard.caller(ctx);
        String queue = ctx.queryParam("queue") == null ? null : Identifiers.queue(ctx.queryParam("queue"));
        QueueStateQueries.Answer answer = services.queueState().all();
        List<QueueEntry> visible = answer.entries().stream().filter(e -> e.getItem() != null)
                .filter(e -> access.allows(caller, CommandDecider.currentQueue(e)))
                .filter(e -> queue == null || CommandDecider.currentQueue(e).equals(queue)).toList();
        ctx.json(Map.of("complete", answer.complete(), "now", clock.millis(), "cases", WorkViews.cases(visible, clock.instant())));
    }

    private void preview(Context ctx) {
        Caller caller = AccessGuard.caller(ctx);
        QueueEntry entry = entry(Identifiers.chat(ctx.pathParam("chatId")), Identifiers.item(ctx.pathParam("itemId")), caller);
        int index = Identifiers.mediaIndex(ctx.pathParam("index"));
        MediaRef ref = media(entry, index);
        byte[] bytes = fetch(ctx, ref);
        if (bytes == null) {
            return;
        }
        // Where OCR read personal data in this image, the preview hides it harder.
        List<BoundingBox> readHere = entry.getItem().getExposedData().stream()
                .filter(e -> e.getMediaIndex() != null && e.getMediaIndex() == index && e.getBox() != null)
                .map(ExposedData::getBox).toList();
        services.previews().blurred(bytes, readHere).ifPresentOrElse(
                jpeg -> ctx.contentType("image/jpeg").result(jpeg),
                () -> ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).json(Map.of("error", "no preview for this media")));
    }

    private void reveal(Context ctx) throws InterruptedException {
        Caller caller = AccessGuard.caller(ctx);
        String itemId = Identifiers.item(ctx.pathParam("itemId"));
        int index = Identifiers.mediaIndex(ctx.pathParam("index"));
        CommandRequest request = jsonBody(ctx);
        String chatId = Identifiers.chat(request.chatId());
        String reason = reason(request.reason());
        QueueEntry entry = entry(chatId, itemId, caller);
        if (!caller.may(Permission.REVEAL_UNCLAIMED) && !CommandDecider.mayReveal(entry, caller.subject(), clock.instant())) {
            throw new ForbiddenResponse("a senior must approve your reveal request first (seniors reveal without one)");
        }
        if (!revealLimits.tryAcquire(caller.subject())) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).json(Map.of("error", "too many reveals; wait a minute"));
            return;
        }
        MediaRef ref = media(entry, index);
        byte[] bytes = fetch(ctx, ref);
        if (bytes == null) {
            return;
        }
        Optional<ImageFormat> format = ImageFormat.sniff(bytes);
        if (format.isEmpty()) {
            ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).json(Map.of("error", "no viewer for this media"));
            return;
        }
        AuditRecord record = audit(caller, AuditAction.REVEAL).setItemId(itemId).setChatId(chatId).setCaseId(entry.getCaseId())
                .setQueue(CommandDecider.currentQueue(entry)).setMediaIndex(index).setReason(reason).build();
        if (!services.audit().record(record)) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "the audit log is not reachable; nothing was revealed"));
            return;
        }
        registry.counter("vigil.media.reveals").increment();
        ctx.header("X-Reveal-Seconds", Integer.toString(work.revealSeconds()))
                .contentType(format.get().mimeType()).result(bytes);
    }

    private void itemCommand(Context ctx, CommandKind kind) throws InterruptedException {
        Caller caller = AccessGuard.caller(ctx);
        String itemId = Identifiers.item(ctx.pathParam("itemId"));
        CommandRequest request = jsonBody(ctx);
        String chatId = Identifiers.chat(request.chatId());
        String queue = Identifiers.queue(request.queue());
        if (!access.allows(caller, queue)) {
            throw new ForbiddenResponse("your roles do not reach queue " + queue);
        }
        ModerationCommand command = command(caller, kind, itemId, chatId, queue, null, request);
        limit(kind, caller);
        Optional<CommandOutcome> outcome = submit(ctx, command);
        if (outcome != null) {
            answer(ctx, command, outcome);
        }
    }

    /** A case-wide claim or decision: one command per open item of the case the caller may work, each judged on its own. */
    private void caseCommand(Context ctx, CommandKind kind) throws InterruptedException {
        Caller caller = AccessGuard.caller(ctx);
        String caseId = Identifiers.caseId(ctx.pathParam("caseId"));
        CommandRequest request = jsonBody(ctx);
        List<QueueEntry> open = services.queueState().all().entries().stream()
                .filter(e -> e.getItem() != null && e.getDecision() == null && caseId.equals(e.getCaseId()))
                .filter(e -> access.allows(caller, CommandDecider.currentQueue(e))).toList();
        if (open.isEmpty()) {
            throw new NotFoundResponse("no open item of this case that you may work");
        }
        limit(kind, caller);
        List<Map<String, Object>> results = new ArrayList<>();
        for (QueueEntry entry : open) {
            ModerationCommand command = command(caller, kind, entry.getItemId(), entry.getItem().getChatId(),
                    CommandDecider.currentQueue(entry), caseId, request);
            Optional<CommandOutcome> outcome = submit(ctx, command);
            if (outcome == null) {
                return;
            }
            results.add(outcomeBody(command, outcome));
        }
        boolean allAccepted = results.stream().allMatch(r -> "accepted".equals(r.get("status")));
        boolean anyConflict = results.stream().anyMatch(r -> "conflict".equals(r.get("status")));
        ctx.status(allAccepted ? HttpStatus.OK : anyConflict ? HttpStatus.CONFLICT : HttpStatus.MULTI_STATUS)
                .json(Map.of("caseId", caseId, "items", results));
    }

    private ModerationCommand command(Caller caller, CommandKind kind, String itemId, String chatId, String queue, String caseId,
                                      CommandRequest request) {
        ModerationCommand.Builder command = ModerationCommand.newBuilder().setCommandId(UUID.randomUUID().toString()).setKind(kind)
                .setItemId(itemId).setChatId(chatId).setQueue(queue).setCaseId(caseId).setActor(caller.subject())
                .setActorName(caller.name()).setRoles(caller.roleNames()).setSourceAddress(caller.address())
                .setRequestedAt(clock.instant()).setLeaseSeconds((int) work.claimLease().toSeconds());
        switch (kind) {
            case DECIDE -> {
                command.setAction(action(request.action())).setCategory(category(request.category()));
                if (request.note() != null && request.note().length() > MAX_NOTE_CHARS) {
                    throw new BadRequestResponse("note is longer than " + MAX_NOTE_CHARS + " characters");
                }
                command.setNote(request.note());
            }
            case ESCALATE, REQUEST_REVEAL -> command.setReason(reason(request.reason()));
            case APPROVE_REVEAL -> command.setForModerator(moderatorId(request.moderatorId()));
            default -> command.setReason(request.reason() == null ? "" : reason(request.reason()));
        }
        return command.build();
    }

    private void limit(CommandKind kind, Caller caller) {
        if (kind == CommandKind.DECIDE && !decisionLimits.tryAcquire(caller.subject())) {
            throw new io.javalin.http.HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(), "too many decisions; wait a minute");
        }
    }

    /** The verdict, or null when the answer (503) has been sent. */
    private Optional<CommandOutcome> submit(Context ctx, ModerationCommand command) throws InterruptedException {
        try {
            return services.commands().submit(command);
        } catch (CommandGateway.NotRecorded e) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "not recorded, try again"));
            return null;
        }
    }

    private static void answer(Context ctx, ModerationCommand command, Optional<CommandOutcome> outcome) {
        Map<String, Object> body = outcomeBody(command, outcome);
        HttpStatus status = outcome.map(o -> switch (o.getStatus()) {
            case ACCEPTED -> HttpStatus.OK;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case MISMATCH, NOT_OPEN, CONFLICT -> HttpStatus.CONFLICT;
            case UNKNOWN -> HttpStatus.INTERNAL_SERVER_ERROR;
        }).orElse(HttpStatus.ACCEPTED);
        ctx.status(status).json(body);
    }

    private static Map<String, Object> outcomeBody(ModerationCommand command, Optional<CommandOutcome> outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", command.getCommandId());
        body.put("itemId", command.getItemId());
        body.put("status", outcome.map(o -> o.getStatus().name().toLowerCase(Locale.ROOT)).orElse("pending"));
        outcome.ifPresent(o -> {
            if (!o.getDetail().isEmpty()) {
                body.put("detail", o.getDetail());
            }
            if (o.getHolder() != null) {
                body.put("holder", o.getHolder());
            }
            if (o.getDecisionId() != null) {
                body.put("decisionId", o.getDecisionId());
            }
        });
        return body;
    }

    /** The item, if it exists and the caller's roles reach its queue (404 and 403 otherwise). */
    private QueueEntry entry(String chatId, String itemId, Caller caller) {
        QueueEntry entry = services.queueState().get(chatId, itemId).filter(e -> e.getItem() != null
                && e.getItem().getChatId().equals(chatId)).orElseThrow(() -> new NotFoundResponse("no such item"));
        if (!access.allows(caller, CommandDecider.currentQueue(entry))) {
            throw new ForbiddenResponse("your roles do not reach this item's queue");
        }
        return entry;
    }

    private static MediaRef media(QueueEntry entry, int index) {
        if (index >= entry.getItem().getMedia().size()) {
            throw new NotFoundResponse("no such media in the item");
        }
        return entry.getItem().getMedia().get(index);
    }

    private byte[] fetch(Context ctx, MediaRef ref) {
        try {
            return services.blobs().fetch(null, ref.getBlobUri());
        } catch (BlobException e) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", e.code()));
            return null;
        }
    }

    /** State changes take JSON only: a form post from another site cannot reach them. */
    private static CommandRequest jsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw new io.javalin.http.HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), "send JSON (Content-Type: application/json)");
        }
        try {
            return ctx.bodyAsClass(CommandRequest.class);
        } catch (RuntimeException e) {
            throw new BadRequestResponse("the body is not the JSON this route takes");
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.strip().length() < MIN_REASON_CHARS || reason.length() > MAX_REASON_CHARS) {
            throw new BadRequestResponse("give a reason of " + MIN_REASON_CHARS + "-" + MAX_REASON_CHARS + " characters");
        }
        return reason.strip().replaceAll("\\p{Cntrl}", " ");
    }

    private static String moderatorId(String moderatorId) {
        if (moderatorId == null || !moderatorId.matches("[\\w.@+-]{1,128}")) {
            throw new BadRequestResponse("name the moderator whose request you approve");
        }
        return moderatorId;
    }

    private static ModerationAction action(String action) {
        try {
            ModerationAction parsed = ModerationAction.valueOf(action == null ? "" : action.toUpperCase(Locale.ROOT));
            if (parsed != ModerationAction.UNKNOWN && parsed != ModerationAction.ESCALATED && parsed != ModerationAction.REVERSED) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the refusal below
        }
        throw new BadRequestResponse("action must be one of CONFIRMED_REMOVE, CONFIRMED_REMOVE_AND_BAN, CONFIRMED_RESTRICT_CHAT, "
                + "DISMISSED_FALSE_POSITIVE, DISMISSED_NO_ACTION (escalations have their own route)");
    }

    private static ContentCategory category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        try {
            return ContentCategory.valueOf(category.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("unknown category");
        }
    }

    private AuditRecord.Builder audit(Caller caller, AuditAction action) {
        return AuditRecord.newBuilder().setAuditId("audit-" + UUID.randomUUID()).setAt(Instant.now(clock)).setActor(caller.subject())
                .setActorName(caller.name()).setRoles(caller.roleNames()).setSourceAddress(caller.address()).setAction(action)
                .setOutcome("accepted");
    }

    private List<String> queueNames() {
        List<String> names = new ArrayList<>(routing.queueNames());
        if (!names.contains(work.escalationQueue())) {
            names.add(work.escalationQueue());
        }
        return names;
    }

    private int priority(String queue) {
        return routing.queues().stream().filter(q -> q.name().equals(queue)).mapToInt(QueueRule::priority).findFirst().orElse(0);
    }

    /** Open items whose current queue is this one. */
    private static final class QueueStateOpen {
        static boolean in(QueueEntry entry, String queue) {
            return entry.getItem() != null && entry.getDecision() == null && CommandDecider.currentQueue(entry).equals(queue);
        }
    }
}
