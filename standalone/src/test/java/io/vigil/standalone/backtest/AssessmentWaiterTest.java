package io.vigil.standalone.backtest;

import io.vigil.schemas.topics.Topics;
import io.vigil.standalone.TestCluster;
import io.vigil.standalone.embedded.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentWaiterTest {

    @TempDir
    Path dir;

    @Test
    void aPipelineThatAssessesNothingFailsTheWaitWithWhatIsMissing() {
        try (EmbeddedKafka kafka = TestCluster.start(dir, List.of(Topics.RISK_ASSESSMENTS, Topics.DEAD_LETTERS), 2)) {
            AssessmentWaiter waiter = new AssessmentWaiter(kafka.bootstrapServers(), Duration.ofSeconds(2),
                    new PrintWriter(new StringWriter()), System::nanoTime);

            assertThatThrownBy(() -> waiter.await(Map.of("-1001:1", 1, "-1001:2", 2), new BacktestResults()))
                    .isInstanceOf(Backtest.StalledException.class)
                    .hasMessageContaining("the pipeline stalled: 2 of 2 replayed messages have no RiskAssessment or dead letter after 2 s");
        }
    }
}
