package io.vigil.compliance.transparency;

import io.vigil.compliance.statements.StatementPolicy;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealOutcome;
import io.vigil.schemas.AppealResult;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.Notice;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.StatementKind;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.TransparencyStatement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The numbers of a transparency report for one period, counted from the records of Vigil's topics, fed in any order:
 * notices (DSA Art. 15(1)(b)) by category, reporter type and outcome with the median time to their decision; measures
 * on the platform's own initiative (Art. 15(1)(c)) by category, detection and restriction; all restricting actions by
 * ground and restriction, and enforcement actions by type; the use of automated means (Art. 15(1)(e)); complaints
 * (Art. 15(1)(d)) and their outcomes with the median time to decide; and Vigil's own: hash-bank matches, stay-down hits
 * and re-created groups. A record counts when its own time (received, decided, issued, created, assessed) falls in
 * [from, to). Categories are the Transparency Database's, the ones the harmonised template shares.
 */
public final class TransparencyReport {

    static final String NOT_SPECIFIED = "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE";
    private static final Set<ModerationAction> RESTRICTING = Set.of(ModerationAction.CONFIRMED_REMOVE,
            ModerationAction.CONFIRMED_REMOVE_AND_BAN, ModerationAction.CONFIRMED_RESTRICT_CHAT);

    private final Instant from;
    private final Instant to;
    private final StatementPolicy policy;

    private final Map<String, Notice> noticesInPeriod = new HashMap<>();
    /** Per notice id, the first decision that answered it (whenever it was taken). */
    private final Map<String, ModerationDecision> firstDecision = new HashMap<>();
    private final Map<String, Appeal> appealsById = new HashMap<>();
    private final Map<String, AppealOutcome> outcomesById = new HashMap<>();
    private final TransparencyFigures.Counter actionsByType = new TransparencyFigures.Counter();
    private final List<TransparencyStatement> restrictions = new ArrayList<>();
    private final Set<String> recreatedChats = new HashSet<>();
    private final TransparencyFigures.Counter matchesBySource = new TransparencyFigures.Counter();
    private long messagesWithMatch;
    private long mediaWithMatch;
    private long stayDownHits;
    private final Map<String, TransparencyFigures.Source> sources = new TreeMap<>();

    public TransparencyReport(Instant from, Instant to, StatementPolicy policy) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
        this.from = from;
        this.to = to;
        this.policy = policy;
    }

    private boolean inPeriod(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private void seen(String topic, Instant at) {
        sources.merge(topic, new TransparencyFigures.Source(1, at, at), TransparencyFigures.Source::plus);
    }

    public void notice(Notice notice) {
        seen("notices", notice.getReceivedAt());
        if (inPeriod(notice.getReceivedAt())) {
            noticesInPeriod.put(notice.getNoticeId(), notice);
        }
    }

    public void decision(ModerationDecision decision) {
        seen("moderation-decisions", decision.getDecidedAt());
        for (String noticeId : decision.getNoticeIds()) {
            firstDecision.merge(noticeId, decision, (a, b) -> a.getDecidedAt().isAfter(b.getDecidedAt()) ? b : a);
        }
    }

    public void action(EnforcementAction action) {
        seen("enforcement-actions", action.getIssuedAt());
        if (inPeriod(action.getIssuedAt())) {
            actionsByType.add(action.getType().name());
        }
    }

    public void statement(StatementOfReasons statement) {
        seen("statements-of-reasons", statement.getCreatedAt());
        if (statement.getKind() == StatementKind.RESTRICTION && inPeriod(statement.getCreatedAt())) {
            restrictions.add(statement.getStatement());
        }
    }

    public void appeal(Appeal appeal) {
        seen("appeals", appeal.getReceivedAt());
        appealsById.put(appeal.getAppealId(), appeal);
    }

    public void appealOutcome(AppealOutcome outcome) {
        seen("appeal-outcomes", outcome.getDecidedAt());
        outcomesById.put(outcome.getAppealId(), outcome);
    }

    public void assessment(RiskAssessment assessment) {
        seen("risk-assessments", assessment.getAssessedAt());
        if (!inPeriod(assessment.getAssessedAt())) {
            return;
        }
        boolean matched = false;
        for (MediaSignal media : assessment.getDetection().getMedia()) {
            if (media.getMatches().isEmpty()) {
                continue;
            }
            matched = true;
            mediaWithMatch++;
            Set<BankSource> bankSources = new HashSet<>();
            for (HashMatch match : media.getMatches()) {
                bankSources.add(match.getSource());
            }
            bankSources.forEach(source -> matchesBySource.add(source.name()));
            if (bankSources.contains(BankSource.PLATFORM)) {
                stayDownHits++;
            }
        }
        if (matched) {
            messagesWithMatch++;
        }
        if (assessment.getNetwork() != null && assessment.getNetwork().getLineage() != null
                && "recreation".equals(assessment.getNetwork().getLineage().getRelation())) {
            recreatedChats.add(assessment.getPlatform() + ":" + assessment.getChatId());
        }
    }

    public TransparencyFigures figures() {
        return new TransparencyFigures(from, to, notices(), ownInitiative(), actions(), automatedMeans(), appeals(), vigil(),
                Map.copyOf(sources));
    }

    private TransparencyFigures.Notices notices() {
        TransparencyFigures.Counter byCategory = new TransparencyFigures.Counter();
        TransparencyFigures.Counter byReporterType = new TransparencyFigures.Counter();
        TransparencyFigures.Counter byOutcome = new TransparencyFigures.Counter();
        List<Duration> toDecision = new ArrayList<>();
        long automated = 0;
        for (Notice notice : noticesInPeriod.values()) {
            byCategory.add(notice.getCategory() == null ? NOT_SPECIFIED : policy.grounds(notice.getCategory()).category());
            byReporterType.add(notice.getReporterType().name());
            ModerationDecision decision = firstDecision.get(notice.getNoticeId());
            if (decision == null) {
                byOutcome.add("pending");
                continue;
            }
            byOutcome.add(RESTRICTING.contains(decision.getAction()) ? "restricted" : "no_restriction");
            toDecision.add(Duration.between(notice.getReceivedAt(), decision.getDecidedAt()));
            if (decision.getAutomatedDecision()) {
                automated++;
            }
        }
        return new TransparencyFigures.Notices(noticesInPeriod.size(), byCategory.sorted(), byReporterType.sorted(),
                byReporterType.get("TRUSTED_FLAGGER"), byOutcome.sorted(), automated, median(toDecision));
    }

    private TransparencyFigures.OwnInitiative ownInitiative() {
        TransparencyFigures.Counter byCategory = new TransparencyFigures.Counter();
        TransparencyFigures.Counter byDetection = new TransparencyFigures.Counter();
        TransparencyFigures.Counter byRestriction = new TransparencyFigures.Counter();
        long total = 0;
        for (TransparencyStatement statement : restrictions) {
            if (!"SOURCE_VOLUNTARY".equals(statement.getSourceType())) {
                continue;
            }
            total++;
            byCategory.add(statement.getCategory());
            byDetection.add("Yes".equals(statement.getAutomatedDetection()) ? "automated" : "not_automated");
            restrictionsOf(statement).forEach(byRestriction::add);
        }
        return new TransparencyFigures.OwnInitiative(total, byCategory.sorted(), byDetection.sorted(), byRestriction.sorted());
    }

    private TransparencyFigures.Actions actions() {
        Map<String, TransparencyFigures.Counter> byGround = new TreeMap<>();
        TransparencyFigures.Counter byCategory = new TransparencyFigures.Counter();
        TransparencyFigures.Counter bySource = new TransparencyFigures.Counter();
        for (TransparencyStatement statement : restrictions) {
            TransparencyFigures.Counter ground = byGround.computeIfAbsent(statement.getDecisionGround(), g -> new TransparencyFigures.Counter());
            restrictionsOf(statement).forEach(ground::add);
            byCategory.add(statement.getCategory());
            bySource.add(statement.getSourceType());
        }
        Map<String, Map<String, Long>> grounds = new TreeMap<>();
        byGround.forEach((ground, counter) -> grounds.put(ground, counter.sorted()));
        return new TransparencyFigures.Actions(actionsByType.total(), actionsByType.sorted(), restrictions.size(), grounds,
                byCategory.sorted(), bySource.sorted());
    }

    private TransparencyFigures.AutomatedMeans automatedMeans() {
        long detection = restrictions.stream().filter(s -> "Yes".equals(s.getAutomatedDetection())).count();
        long decision = restrictions.stream().filter(s -> !"AUTOMATED_DECISION_NOT_AUTOMATED".equals(s.getAutomatedDecision())).count();
        return new TransparencyFigures.AutomatedMeans(restrictions.size(), detection, share(detection, restrictions.size()),
                decision, share(decision, restrictions.size()));
    }

    private TransparencyFigures.Appeals appeals() {
        long received = appealsById.values().stream().filter(a -> inPeriod(a.getReceivedAt())).count();
        TransparencyFigures.Counter outcomes = new TransparencyFigures.Counter();
        List<Duration> toDecision = new ArrayList<>();
        for (AppealOutcome outcome : outcomesById.values()) {
            if (!inPeriod(outcome.getDecidedAt())) {
                continue;
            }
            outcomes.add(outcome.getOutcome().name());
            Appeal appeal = appealsById.get(outcome.getAppealId());
            if (appeal != null) {
                toDecision.add(Duration.between(appeal.getReceivedAt(), outcome.getDecidedAt()));
            }
        }
        return new TransparencyFigures.Appeals(received, outcomes.total(), outcomes.get(AppealResult.UPHELD.name()),
                outcomes.get(AppealResult.REVERSED.name()), median(toDecision));
    }

    private TransparencyFigures.Vigil vigil() {
        return new TransparencyFigures.Vigil(messagesWithMatch, mediaWithMatch, matchesBySource.sorted(), stayDownHits, recreatedChats.size());
    }

    private static List<String> restrictionsOf(TransparencyStatement statement) {
        List<String> values = new ArrayList<>(statement.getDecisionVisibility());
        if (statement.getDecisionMonetary() != null) {
            values.add(statement.getDecisionMonetary());
        }
        if (statement.getDecisionProvision() != null) {
            values.add(statement.getDecisionProvision());
        }
        if (statement.getDecisionAccount() != null) {
            values.add(statement.getDecisionAccount());
        }
        return values;
    }

    /** The median, the mean of the two middle values for an even count; null when there is none. */
    static Long median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Long> seconds = durations.stream().map(Duration::toSeconds).sorted().toList();
        int middle = seconds.size() / 2;
        return seconds.size() % 2 == 1 ? seconds.get(middle) : (seconds.get(middle - 1) + seconds.get(middle)) / 2;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
