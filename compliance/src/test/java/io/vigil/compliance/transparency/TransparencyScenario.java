package io.vigil.compliance.transparency;

import io.vigil.compliance.Fixtures;
import io.vigil.compliance.statements.ActionContext;
import io.vigil.compliance.statements.StatementDrafter;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealOutcome;
import io.vigil.schemas.AppealResult;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Detection;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.LineageNotice;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NetworkContext;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeReporterType;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.StatementOfReasons;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A month of moderation written by hand, whose report figures were counted by hand (TransparencyReportTest lists
 * them with the count behind each). The period is January 2026; a few records fall just outside it on purpose.
 */
public final class TransparencyScenario {

    public static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant TO = Instant.parse("2026-02-01T00:00:00Z");

    public final List<Notice> notices = new ArrayList<>();
    public final List<ModerationDecision> decisions = new ArrayList<>();
    public final List<EnforcementAction> actions = new ArrayList<>();
    public final List<StatementOfReasons> statements = new ArrayList<>();
    public final List<Appeal> appeals = new ArrayList<>();
    public final List<AppealOutcome> outcomes = new ArrayList<>();
    public final List<RiskAssessment> assessments = new ArrayList<>();

    public TransparencyScenario() {
        // Notices: N1-N5 in January, N6 on New Year's Eve. N1-N4 are decided, N5 is not.
        notice("N1", NoticeReporterType.USER, ContentCategory.NCII, "2026-01-05T10:00:00Z");
        notice("N2", NoticeReporterType.TRUSTED_FLAGGER, ContentCategory.NCII, "2026-01-06T09:00:00Z");
        notice("N3", NoticeReporterType.TRUSTED_FLAGGER, ContentCategory.CSAM, "2026-01-07T00:00:00Z");
        notice("N4", NoticeReporterType.USER, null, "2026-01-08T00:00:00Z");
        notice("N5", NoticeReporterType.AUTHORITY, ContentCategory.DOXXING, "2026-01-20T00:00:00Z");
        notice("N6", NoticeReporterType.USER, ContentCategory.NCII, "2025-12-31T23:00:00Z");

        // Decisions on notices (2 h, 30 min, 4 h, 6 h after them) and on the platform's own initiative.
        decide("D1", "N1", ModerationAction.CONFIRMED_REMOVE, ContentCategory.NCII, "2026-01-05T12:00:00Z", EnforcementType.REMOVE_MESSAGE);
        decide("D2", "N2", ModerationAction.CONFIRMED_REMOVE_AND_BAN, ContentCategory.NCII, "2026-01-06T09:30:00Z",
                EnforcementType.REMOVE_MESSAGE_AND_BAN_SENDER);
        decide("D3", "N3", ModerationAction.CONFIRMED_REMOVE, ContentCategory.CSAM, "2026-01-07T04:00:00Z", EnforcementType.REMOVE_MESSAGE);
        decide("D4", "N4", ModerationAction.DISMISSED_NO_ACTION, null, "2026-01-08T06:00:00Z", EnforcementType.NO_ACTION);
        decide("D5", null, ModerationAction.CONFIRMED_REMOVE, ContentCategory.NCII, "2026-01-10T00:00:00Z", EnforcementType.REMOVE_MESSAGE);
        decide("D6", "N6", ModerationAction.CONFIRMED_REMOVE, ContentCategory.NCII, "2026-01-01T01:00:00Z", EnforcementType.REMOVE_MESSAGE);
        decide("D7", null, ModerationAction.CONFIRMED_REMOVE, ContentCategory.DOXXING, "2026-01-11T00:00:00Z", EnforcementType.REMOVE_MESSAGE);
        decide("D8", null, ModerationAction.CONFIRMED_RESTRICT_CHAT, ContentCategory.NCII, "2026-01-12T00:00:00Z", EnforcementType.RESTRICT_CHAT);
        decide("D9", null, ModerationAction.CONFIRMED_REMOVE, ContentCategory.NCII, "2026-02-03T00:00:00Z", EnforcementType.REMOVE_MESSAGE);

        // Appeals: against D2 (reversed a day later), D5 (upheld two days later), D7 (not decided yet).
        appeal("AP1", "D2", "2026-01-15T00:00:00Z", AppealResult.REVERSED, "2026-01-16T00:00:00Z");
        appeal("AP2", "D5", "2026-01-20T00:00:00Z", AppealResult.UPHELD, "2026-01-22T00:00:00Z");
        appeal("AP3", "D7", "2026-01-30T00:00:00Z", null, null);

        // Assessments: R1 a list match, R2 a stay-down and a list match on one image, R3 and R4 in a re-created
        // chat, R5 in a migrated chat, R6 a match after the period.
        assess("R1", "chat-a", "2026-01-03T00:00:00Z", List.of(BankSource.STOPNCII), null);
        assess("R2", "chat-a", "2026-01-04T00:00:00Z", List.of(BankSource.PLATFORM, BankSource.STOPNCII), null);
        assess("R3", "chat-b", "2026-01-05T00:00:00Z", List.of(), "recreation");
        assess("R4", "chat-b", "2026-01-06T00:00:00Z", List.of(), "recreation");
        assess("R5", "chat-c", "2026-01-07T00:00:00Z", List.of(), "migration");
        assess("R6", "chat-d", "2026-02-02T00:00:00Z", List.of(BankSource.NCMEC), null);
    }

    private void notice(String id, NoticeReporterType type, ContentCategory category, String at) {
        notices.add(Notice.newBuilder().setNoticeId(id).setReceivedAt(Instant.parse(at)).setReporterType(type).setSubmittedBy("backend")
                .setCategory(category).setPlatform("telegram").setChatId("chat-" + id).setMessageId("m-" + id)
                .setExplanation("synthetic notice").setGoodFaith(true).build());
    }

    private void decide(String id, String noticeId, ModerationAction action, ContentCategory category, String at, EnforcementType type) {
        Instant decidedAt = Instant.parse(at);
        String chat = "chat-" + id;
        ModerationDecision decision = Fixtures.decision(chat, "m-" + id, action, category, "moderator-" + id);
        decision.setDecisionId(id);
        decision.setDecidedAt(decidedAt);
        decision.setNoticeIds(noticeId == null ? List.of() : List.of(noticeId));
        decision.setAutomatedDetection(noticeId == null);
        decisions.add(decision);
        EnforcementAction enforcement = Fixtures.action(chat, "m-" + id, type, category);
        enforcement.setDecisionId(id);
        enforcement.setActionId(id + ":" + type);
        enforcement.setDecidedAt(decidedAt);
        enforcement.setIssuedAt(decidedAt.plusSeconds(1));
        enforcement.setNoticeIds(decision.getNoticeIds());
        enforcement.setAutomatedDetection(noticeId == null);
        actions.add(enforcement);
        Set<NoticeReporterType> sources = notices.stream().filter(n -> n.getNoticeId().equals(noticeId))
                .map(Notice::getReporterType).collect(java.util.stream.Collectors.toSet());
        new StatementDrafter(Fixtures.policy()).restriction(new ActionContext(enforcement, Optional.empty(), sources))
                .ifPresent(statements::add);
    }

    private void appeal(String id, String decisionId, String at, AppealResult result, String decidedAt) {
        ModerationDecision decision = decisions.stream().filter(d -> d.getDecisionId().equals(decisionId)).findFirst().orElseThrow();
        appeals.add(Appeal.newBuilder().setAppealId(id).setReceivedAt(Instant.parse(at)).setSubmittedBy("backend").setAppellantId("user-77")
                .setDecisionId(decisionId).setOriginalModeratorId(decision.getModeratorId()).setItemId(decision.getItemId())
                .setPlatform("telegram").setChatId(decision.getChatId()).setMessageId(decision.getMessageId()).build());
        if (result != null) {
            outcomes.add(AppealOutcome.newBuilder().setAppealId(id).setDecisionId(decisionId).setOutcome(result).setDecidedBy("senior-1")
                    .setDecidedAt(Instant.parse(decidedAt)).setAppellantId("user-77").setPlatform("telegram").setChatId(decision.getChatId())
                    .setMessageId(decision.getMessageId()).build());
        }
    }

    private void assess(String id, String chat, String at, List<BankSource> banks, String lineage) {
        List<HashMatch> matches = banks.stream().map(source -> HashMatch.newBuilder().setBankId("bank-" + source).setEntryId("e-" + id)
                .setCategory(ContentCategory.NCII).setSource(source).setSignalType(SignalType.PDQ).build()).toList();
        Instant assessedAt = Instant.parse(at);
        Detection detection = Detection.newBuilder().setPlatform("telegram").setChatId(chat).setMessageId(id).setSenderId("user-1")
                .setSentAt(assessedAt).setDetectedAt(assessedAt)
                .setMedia(List.of(MediaSignal.newBuilder().setMediaId("media-" + id).setKind(MediaKind.PHOTO).setMatches(matches).build()))
                .build();
        NetworkContext network = lineage == null ? null : NetworkContext.newBuilder().setLineage(LineageNotice.newBuilder()
                .setPredecessorChatId(chat + "-old").setRelation(lineage).setScore(0.9).build()).build();
        assessments.add(RiskAssessment.newBuilder().setPlatform("telegram").setChatId(chat).setMessageId(id).setSenderId("user-1")
                .setSentAt(assessedAt).setAssessedAt(assessedAt).setScore(banks.isEmpty() ? 0.2 : 0.95)
                .setLevel(banks.isEmpty() ? RiskLevel.LOW : RiskLevel.CRITICAL).setNetwork(network).setDetection(detection).build());
    }

    /** Feeds every record to a report, as the command does from the topics. */
    public TransparencyReport feed(TransparencyReport report) {
        notices.forEach(report::notice);
        decisions.forEach(report::decision);
        actions.forEach(report::action);
        statements.forEach(report::statement);
        appeals.forEach(report::appeal);
        outcomes.forEach(report::appealOutcome);
        assessments.forEach(report::assessment);
        return report;
    }
}
