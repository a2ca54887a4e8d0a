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
 * Measured on the TEST split of the labelled corpus (never used for tuning). Issue 12's goals hold there: PHONE, EMAIL
 * and NATIONAL_ID F1 ≥ 0.95, PHONE precision ≥ 0.95 on messages without a country hint, and the decision's F1 and
 * precision ≥ 0.92. On the 2,618 test messages of the six passes, after round six (tuned on dev only): decision F1
 * 0.926, precision 0.952; the sixth pass's 410 test messages alone, written by someone who saw neither the detector
 * nor the sixth pass's dev part and measured once after the rules were merged: F1 0.932, precision 0.937 (see
 * docs/doxxing.md, "Evaluation after round six"). A change that takes the test split below a goal fails here.
 */
class DoxxingCorpusGoalsTest {

    /** Issue 12's decision goals, both measured on the held-out split. */
    private static final double DECISION_F1_GOAL = 0.92;
    private static final double DECISION_PRECISION_GOAL = 0.92;

    /** The corpus lives at the repository root; surefire runs with the module directory as working directory. */
    private static Path corpus() {
        Path fromModule = Path.of("..", "corpora", "doxxing");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("corpora", "doxxing");
    }

    @Test
    void testSplitMeetsTheEntityAndDecisionGoals() throws Exception {
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
        assertThat(evaluation.overall().decision().f1()).as(report).isGreaterThanOrEqualTo(DECISION_F1_GOAL);
        assertThat(evaluation.overall().decision().precision()).as(report).isGreaterThanOrEqualTo(DECISION_PRECISION_GOAL);
    }
}
