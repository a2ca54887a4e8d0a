package io.vigil.compliance.intake;

import io.vigil.schemas.Appeal;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppealIntakeTest {

    private final AppealIntake intake = new AppealIntake(Clock.fixed(Instant.parse("2026-03-20T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void anAppealNamesTheDecisionItsMessageAndTheUser() throws Exception {
        Appeal appeal = intake.accept(new AppealRequest("decision-cmd-17", "telegram", "-1001234", "42", "user-77",
                "This photo is of me and I posted it myself."), "platform-backend");

        assertThat(appeal.getAppealId()).startsWith("appeal-");
        assertThat(appeal.getItemId()).isEqualTo("telegram:-1001234:42");
        assertThat(appeal.getDecisionId()).isEqualTo("decision-cmd-17");
        assertThat(appeal.getReceivedAt()).isEqualTo(Instant.parse("2026-03-20T09:00:00Z"));
        assertThat(appeal.getOriginalModeratorId()).as("filled in where the decision is known").isEmpty();
    }

    @Test
    void anAppealWithoutItsDecisionOrUserIsRefusedWithEveryProblem() {
        assertThatThrownBy(() -> intake.accept(new AppealRequest(null, "telegram", "-1001234", "42", "", null), "platform-backend"))
                .isInstanceOfSatisfying(IntakeProblems.class, e -> assertThat(e.problems()).containsExactly(
                        "decisionId: required, 1-200 characters of A-Z a-z 0-9 _ . : @ + -", "appellantId: required"));
    }
}
