package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.EntityType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measured on the TEST split of the labelled corpus (never used for tuning). Issue 12's entity goals hold there:
 * PHONE, EMAIL and NATIONAL_ID F1 ≥ 0.95, and PHONE precision ≥ 0.95 on messages without a country hint. Its
 * decision goal (F1 and precision ≥ 0.92) is met for precision but not for F1: on the 2,208 test messages of the
 * five passes, F1 0.906 and precision 0.953 (the fifth pass alone, written while these rules were tuned on dev and
 * never seen here: 0.921 / 0.949; see docs/doxxing.md, "Evaluation after the dev-only follow-up (issue-12-dev5)").
 * The decision is held just below where it stands, so that a change that loses ground fails here.
 */
class DoxxingCorpusGoalsTest {

    /**
     * Where the decision stood on the test split (five passes) after the dev-only follow-up: F1 0.906, precision
     * 0.953, floors a little below it (about ten messages of room); the goal is 0.92 for both.
     */
    private static final double DECISION_F1_FLOOR = 0.896;
    private static final double DECISION_PRECISION_FLOOR = 0.94;

    /** The corpus lives at the repository root; surefire runs with the module directory as working directory. */
    private static Path corpus() {
        Path fromModule = Path.of("..", "corpora", "doxxing");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("corpora", "doxxing");
    }

    @Test
    void testSplitMeetsTheEntityGoalsAndHoldsTheDecision() throws Exception {
        Path corpus = corpus();
        assertThat(corpus).as("labelled corpus at corpora/doxxing").isDirectory();
        List<LabelledMessage> all = new CorpusLoader().load(corpus);
        List<LabelledMessage> test = all.stream().filter(m -> m.split().equals("test")).toList();
        assertThat(test).hasSizeGreaterThan(500);

        DoxxingDetector detector = DoxxingDetector.create(
                DoxxingConfig.defaults("evaluation-secret-not-used".getBytes(StandardCharsets.UTF_8)));
        Evaluation evaluation = Evaluation.run(detector, test, Evaluation.labelledTypes(all));
        String report = EvaluationReport.format("test split", evaluation, false);

        for (EntityType type : List.of(EntityType.PHONE, EntityType.EMAIL, EntityType.NATIONAL_ID)) {
            assertThat(evaluation.overall().lenient(type).f1()).as(type + " F1\n" + report).isGreaterThanOrEqualTo(0.95);
        }
        assertThat(EvaluationGoals.noHintFailures(evaluation.perHint().get(Evaluation.NO_HINT))).as(report).isEmpty();
        assertThat(evaluation.overall().decision().f1()).as(report).isGreaterThanOrEqualTo(DECISION_F1_FLOOR);
        assertThat(evaluation.overall().decision().precision()).as(report).isGreaterThanOrEqualTo(DECISION_PRECISION_FLOOR);
    }
}
