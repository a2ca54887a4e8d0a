package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goals, measured on the TEST split of the labelled corpus (never used for tuning): entity F1 ≥ 0.95 for
 * phones, e-mails, identity numbers and IBANs, ≥ 0.85 for addresses and social data, decision F1 and precision ≥ 0.90.
 */
class DoxxingCorpusGoalsTest {

    /** The corpus lives at the repository root; surefire runs with the module directory as working directory. */
    private static Path corpus() {
        Path fromModule = Path.of("..", "corpora", "doxxing");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("corpora", "doxxing");
    }

    @Test
    void testSplitMeetsTheGoals() throws Exception {
        Path corpus = corpus();
        assertThat(corpus).as("labelled corpus at corpora/doxxing").isDirectory();
        List<LabelledMessage> test = new CorpusLoader().load(corpus).stream()
                .filter(m -> m.split().equals("test")).toList();
        assertThat(test).hasSizeGreaterThan(100);

        DoxxingDetector detector = DoxxingDetector.create(
                DoxxingConfig.defaults("evaluation-secret-not-used".getBytes(StandardCharsets.UTF_8)));
        Evaluation evaluation = Evaluation.run(detector, test);

        assertThat(EvaluationGoals.failures(evaluation.overall()))
                .as(EvaluationReport.format("test split", evaluation, false))
                .isEmpty();
    }
}
