package io.vigil.compliance.http;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.vigil.compliance.intake.AppealIntake;
import io.vigil.compliance.intake.AppealRequest;
import io.vigil.compliance.intake.IntakeProblems;
import io.vigil.compliance.intake.NoticeIntake;
import io.vigil.compliance.intake.NoticeRequest;
import io.vigil.compliance.intake.Notifier;
import io.vigil.compliance.steps.ComplianceStores;
import io.vigil.runtime.auth.Caller;
import io.vigil.runtime.auth.Role;
import io.vigil.runtime.http.AccessGuard;
import io.vigil.runtime.http.AvroJsonLines;
import io.vigil.runtime.http.PeerQueries;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.AuditAction;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.NcmecConfirmation;
import io.vigil.schemas.NcmecFile;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.NcmecReportStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.KafkaException;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The compliance service's HTTP API: notices in (DSA Art. 16), appeals in (Art. 20), and the second person's review
 * of drafted CyberTipline reports. Every route declares who may call it; state changes take JSON only and are answered
 * once their records are committed.
 */
public final class ComplianceRoutes {

    public static final String INTERNAL_REPORTS = "/api/internal/cybertipline-reports";
    static final AvroJsonLines<NcmecReport> REPORTS = new AvroJsonLines<>(NcmecReport.class, NcmecReport.getClassSchema());
    private static final String JSON = "application/json";
    private static final int MAX_NOTE_CHARS = 2000;
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.@+-]{1,128}");

    /** A route and who may call it. */
    public record Route(HandlerType method, String path, ComplianceAccess access, io.javalin.http.Handler handler) {
    }

    private final NoticeIntake notices;
    private final AppealIntake appeals;
    private final CompliancePublisher publisher;
    private final PeerQueries reports;
    private final MeterRegistry registry;
    private final Clock clock;

    public ComplianceRoutes(NoticeIntake notices, AppealIntake appeals, CompliancePublisher publisher, PeerQueries reports,
                            MeterRegistry registry, Clock clock) {
        this.notices = notices;
        this.appeals = appeals;
        this.publisher = publisher;
        this.reports = reports;
        this.registry = registry;
        this.clock = clock;
    }

    /** Every route with its rule: the one table the guard, the tests and the docs read. */
    public List<Route> table() {
        return List.of(
                new Route(HandlerType.POST, "/api/notices", ComplianceAccess.SUBMIT_NOTICE, this::notice),
                new Route(HandlerType.POST, "/api/appeals", ComplianceAccess.SUBMIT_APPEAL, this::appeal),
                new Route(HandlerType.GET, "/api/cybertipline-reports", ComplianceAccess.REVIEW_CYBERTIPLINE, this::awaitingReview),
                new Route(HandlerType.POST, "/api/cybertipline-reports/{reportId}/review", ComplianceAccess.REVIEW_CYBERTIPLINE, this::review),
                new Route(HandlerType.GET, INTERNAL_REPORTS, ComplianceAccess.PEER,
                        ctx -> ctx.contentType("application/x-ndjson").result(REPORTS.encode(reports.local(ComplianceStores.NCMEC_REPORTS)))),
                new Route(HandlerType.GET, INTERNAL_REPORTS + "/{reportId}", ComplianceAccess.PEER,
                        ctx -> ctx.contentType("application/x-ndjson").result(REPORTS.encode(reports.<NcmecReport>localGet(
                                ComplianceStores.NCMEC_REPORTS, id(ctx.pathParam("reportId"), "report id")).stream().toList()))));
    }

    public void register(Javalin app) {
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            if (ctx.path().startsWith("/api/")) {
                ctx.header("Cache-Control", "no-store");
            }
        });
        for (Route route : table()) {
            app.addHttpHandler(route.method(), route.path(), route.handler(), route.access());
        }
        app.exception(KafkaException.class, (e, ctx) ->
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(Map.of("error", "not recorded: the cluster cannot be reached; try again")));
    }

    private void notice(Context ctx) {
        Caller caller = AccessGuard.caller(ctx);
        NoticeIntake.Accepted accepted;
        try {
            accepted = notices.accept(body(ctx, NoticeRequest.class), new Notifier(caller.subject(), caller.roles().contains(Role.TRUSTED_FLAGGER)));
        } catch (IntakeProblems e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("errors", e.problems()));
            return;
        }
        publisher.notice(accepted.notice(), accepted.receipt());
        registry.counter("vigil.notices", "reporter", accepted.notice().getReporterType().name().toLowerCase(Locale.ROOT)).increment();
        ctx.status(HttpStatus.CREATED).json(Map.of("noticeId", accepted.notice().getNoticeId(),
                "receivedAt", accepted.notice().getReceivedAt().toString(),
                "reporterType", accepted.notice().getReporterType().name()));
    }

    private void appeal(Context ctx) {
        Caller caller = AccessGuard.caller(ctx);
        Appeal appeal;
        try {
            appeal = appeals.accept(body(ctx, AppealRequest.class), caller.subject());
        } catch (IntakeProblems e) {
            ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("errors", e.problems()));
            return;
        }
        publisher.appeal(appeal);
        registry.counter("vigil.appeals", "status", "received").increment();
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("appealId", appeal.getAppealId(), "receivedAt", appeal.getReceivedAt().toString()));
    }

    private void awaitingReview(Context ctx) {
        Caller caller = AccessGuard.caller(ctx);
        PeerQueries.Answer<NcmecReport> all = reports.all(ComplianceStores.NCMEC_REPORTS, INTERNAL_REPORTS, REPORTS);
        List<Map<String, Object>> awaiting = all.values().stream()
                .filter(r -> r.getStatus() == NcmecReportStatus.AWAITING_CONFIRMATION)
                .sorted(Comparator.comparing(NcmecReport::getDecidedAt))
                .map(r -> view(r, caller))
                .toList();
        ctx.json(Map.of("complete", all.complete(), "reports", awaiting));
    }

    private void review(Context ctx) {
        Caller caller = AccessGuard.caller(ctx);
        String reportId = id(ctx.pathParam("reportId"), "report id");
        ReviewRequest request = body(ctx, ReviewRequest.class);
        String chatId = id(request.chatId(), "chat id");
        if (request.confirmed() == null) {
            throw new BadRequestResponse("confirmed: true or false");
        }
        if (request.note() != null && request.note().length() > MAX_NOTE_CHARS) {
            throw new BadRequestResponse("note: at most " + MAX_NOTE_CHARS + " characters");
        }
        NcmecReport report = reports.<NcmecReport>get(ComplianceStores.NCMEC_REPORTS, chatId, reportId, INTERNAL_REPORTS, REPORTS)
                .orElseThrow(() -> new NotFoundResponse("no CyberTipline report " + reportId + " in that chat"));
        if (report.getStatus() != NcmecReportStatus.AWAITING_CONFIRMATION) {
            throw new ConflictResponse("the report was already reviewed (" + report.getStatus() + ")");
        }
        if (report.getDecidedBy().equals(caller.subject())) {
            throw new ForbiddenResponse("a second person confirms a report: you confirmed its content");
        }
        Instant now = clock.instant();
        NcmecConfirmation review = NcmecConfirmation.newBuilder().setReportId(reportId).setChatId(chatId).setReviewerId(caller.subject())
                .setConfirmed(request.confirmed()).setAt(now).setNote(request.note() == null ? "" : request.note().replaceAll("\\p{Cntrl}", " ")).build();
        AuditRecord audit = AuditRecord.newBuilder().setAuditId("audit-" + UUID.randomUUID()).setAt(now).setActor(caller.subject())
                .setActorName(caller.name()).setRoles(caller.roleNames()).setSourceAddress(caller.address())
                .setAction(AuditAction.CYBERTIPLINE_REVIEW).setOutcome("accepted").setItemId(report.getItemId()).setCaseId(report.getCaseId())
                .setChatId(chatId).setReason(request.confirmed() ? "confirmed " + reportId : "rejected " + reportId)
                .setDecisionId(report.getDecisionId()).build();
        publisher.review(review, audit);
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("reportId", reportId, "confirmed", request.confirmed()));
    }

    /** A report as its reviewer sees it: the XML to be sent, the files by hash (never the media), who confirmed the content. */
    private static Map<String, Object> view(NcmecReport report, Caller caller) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reportId", report.getReportId());
        view.put("chatId", report.getChatId());
        view.put("itemId", report.getItemId());
        view.put("decidedBy", report.getDecidedBy());
        view.put("decidedAt", report.getDecidedAt().toString());
        view.put("yours", report.getDecidedBy().equals(caller.subject()));
        view.put("reportXml", report.getReportXml());
        view.put("files", report.getFiles().stream().map(ComplianceRoutes::file).toList());
        view.put("preserveUntil", report.getPreservation().getPreserveUntil().toString());
        return view;
    }

    private static Map<String, Object> file(NcmecFile file) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("mediaId", file.getMediaId());
        view.put("sha256", file.getSha256());
        view.put("md5", file.getMd5());
        view.put("pdq", file.getPdq());
        view.put("viewedByPerson", file.getViewedByPerson());
        return view;
    }

    private static String id(String value, String what) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new BadRequestResponse("not a valid " + what);
        }
        return value;
    }

    /** State changes take JSON only: a form post from another site cannot reach them. */
    private static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
            throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), "send JSON (Content-Type: application/json)");
        }
        try {
            return ctx.bodyAsClass(type);
        } catch (RuntimeException e) {
            throw new BadRequestResponse("the body is not the JSON this route takes");
        }
    }
}
