package io.vigil.compliance.transparency;

import io.vigil.compliance.reading.TopicSnapshot;
import io.vigil.compliance.statements.StatementPolicy;
import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealOutcome;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.Notice;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.topics.Topics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads every topic a transparency report counts from and feeds the report; says what it could not read. */
public final class TransparencyReading {

    private final TopicSnapshot topics;
    private final Consumer<String> warnings;

    public TransparencyReading(TopicSnapshot topics, Consumer<String> warnings) {
        this.topics = topics;
        this.warnings = warnings;
    }

    public TransparencyFigures report(Instant from, Instant to, StatementPolicy policy) {
        TransparencyReport report = new TransparencyReport(from, to, policy);
        List<TopicSnapshot.Summary> read = new ArrayList<>();
        read.add(topics.read(Topics.NOTICES.name(), Notice.class, visitor(report::notice)));
        read.add(topics.read(Topics.MODERATION_DECISIONS.name(), ModerationDecision.class, visitor(report::decision)));
        read.add(topics.read(Topics.ENFORCEMENT_ACTIONS.name(), EnforcementAction.class, visitor(report::action)));
        read.add(topics.read(Topics.STATEMENTS_OF_REASONS.name(), StatementOfReasons.class, visitor(report::statement)));
        read.add(topics.read(Topics.APPEALS.name(), Appeal.class, visitor(report::appeal)));
        read.add(topics.read(Topics.APPEAL_OUTCOMES.name(), AppealOutcome.class, visitor(report::appealOutcome)));
        read.add(topics.read(Topics.RISK_ASSESSMENTS.name(), RiskAssessment.class, visitor(report::assessment)));
        for (TopicSnapshot.Summary summary : read) {
            if (summary.unreadable() > 0) {
                warnings.accept(summary.topic() + ": " + summary.unreadable() + " of " + summary.records()
                        + " records could not be read and are not counted");
            }
        }
        return report.figures();
    }

    private <V> TopicSnapshot.Visitor<V> visitor(Consumer<V> sink) {
        return TopicSnapshot.visitor(sink, warnings);
    }
}
