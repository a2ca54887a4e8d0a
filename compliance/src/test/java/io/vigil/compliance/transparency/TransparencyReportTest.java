package io.vigil.compliance.transparency;

import io.vigil.compliance.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's figures for the hand-written month of {@link TransparencyScenario}, each counted by hand. */
class TransparencyReportTest {

    private final TransparencyFigures figures = new TransparencyScenario()
            .feed(new TransparencyReport(TransparencyScenario.FROM, TransparencyScenario.TO, Fixtures.policy())).figures();

    @Test
    void noticesAreCountedByCategoryReporterAndOutcomeWithTheMedianTimeToTheirDecision() {
        TransparencyFigures.Notices notices = figures.notices();

        // N1-N5 were received in January; N6 on 31 December.
        assertThat(notices.total()).isEqualTo(5);
        // N1, N2 (NCII) and N5 (DOXXING) are cyber violence; N3 (CSAM) protection of minors; N4 named no category.
        assertThat(notices.byCategory()).isEqualTo(Map.of(
                "STATEMENT_CATEGORY_CYBER_VIOLENCE", 3L, "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE", 1L, "STATEMENT_CATEGORY_PROTECTION_OF_MINORS", 1L));
        assertThat(notices.byReporterType()).isEqualTo(Map.of("AUTHORITY", 1L, "TRUSTED_FLAGGER", 2L, "USER", 2L));
        assertThat(notices.fromTrustedFlaggers()).isEqualTo(2);
        // D1, D2, D3 restricted; D4 dismissed N4; N5 has no decision.
        assertThat(notices.byOutcome()).isEqualTo(Map.of("restricted", 3L, "no_restriction", 1L, "pending", 1L));
        assertThat(notices.decidedByAutomatedMeans()).isZero();
        // 30 min, 2 h, 4 h, 6 h: the median is (2 h + 4 h) / 2 = 3 h.
        assertThat(notices.medianSecondsToDecision()).isEqualTo(3 * 3600L);
    }

    @Test
    void restrictionsOnThePlatformsOwnInitiativeAreCountedByCategoryDetectionAndRestriction() {
        TransparencyFigures.OwnInitiative own = figures.ownInitiative();

        // D5 (NCII), D7 (DOXXING), D8 (NCII, chat restricted) were found by Vigil; D9 is in February.
        assertThat(own.total()).isEqualTo(3);
        assertThat(own.byCategory()).isEqualTo(Map.of("STATEMENT_CATEGORY_CYBER_VIOLENCE", 3L));
        assertThat(own.byDetection()).isEqualTo(Map.of("automated", 3L));
        assertThat(own.byRestriction()).isEqualTo(Map.of("DECISION_VISIBILITY_CONTENT_REMOVED", 2L, "DECISION_VISIBILITY_CONTENT_DISABLED", 1L));
    }

    @Test
    void actionsAreCountedByTypeAndRestrictionsByGround() {
        TransparencyFigures.Actions actions = figures.actions();

        // Issued in January: A1, A3, A5, A6, A7 remove; A2 removes and bans; A8 restricts a chat; A4 does nothing.
        assertThat(actions.enforcementActions()).isEqualTo(8);
        assertThat(actions.byType()).isEqualTo(Map.of("REMOVE_MESSAGE", 5L, "REMOVE_MESSAGE_AND_BAN_SENDER", 1L, "RESTRICT_CHAT", 1L, "NO_ACTION", 1L));
        // Seven restrict, so seven statements; the CSAM removal (A3) is on the illegal-content ground, the rest on the terms.
        assertThat(actions.restrictions()).isEqualTo(7);
        assertThat(actions.byGroundAndRestriction()).isEqualTo(Map.of(
                "DECISION_GROUND_ILLEGAL_CONTENT", Map.of("DECISION_VISIBILITY_CONTENT_REMOVED", 1L),
                "DECISION_GROUND_INCOMPATIBLE_CONTENT", Map.of("DECISION_VISIBILITY_CONTENT_REMOVED", 5L,
                        "DECISION_ACCOUNT_TERMINATED", 1L, "DECISION_VISIBILITY_CONTENT_DISABLED", 1L)));
        // Sources: A1 and A6 from users' notices, A2 and A3 from trusted flaggers, A5, A7, A8 voluntary.
        assertThat(actions.bySource()).isEqualTo(Map.of("SOURCE_ARTICLE_16", 2L, "SOURCE_TRUSTED_FLAGGER", 2L, "SOURCE_VOLUNTARY", 3L));
    }

    @Test
    void theShareOfAutomatedDetectionAndDecisionIsOfTheRestrictions() {
        // 3 of the 7 restrictions were detected by automated means (the own-initiative ones); a person decided all.
        assertThat(figures.automatedMeans()).isEqualTo(new TransparencyFigures.AutomatedMeans(7, 3, 0.4286, 0, 0.0));
    }

    @Test
    void appealsAreCountedWithTheirOutcomesAndTheMedianTimeToDecide() {
        // Three received; AP1 reversed after 24 h, AP2 upheld after 48 h: median 36 h; AP3 open.
        assertThat(figures.appeals()).isEqualTo(new TransparencyFigures.Appeals(3, 2, 1, 1, 36 * 3600L));
    }

    @Test
    void vigilsOwnFiguresCountHashMatchesStayDownHitsAndRecreatedGroups() {
        TransparencyFigures.Vigil vigil = figures.vigil();

        // R1 and R2 matched (one image each); R2's image is also in the platform's stay-down bank; R6 is in February.
        assertThat(vigil.messagesWithHashMatch()).isEqualTo(2);
        assertThat(vigil.mediaWithHashMatch()).isEqualTo(2);
        assertThat(vigil.mediaMatchedByBankSource()).isEqualTo(Map.of("STOPNCII", 2L, "PLATFORM", 1L));
        assertThat(vigil.stayDownHits()).isEqualTo(1);
        // chat-b re-creates a taken-down chat (twice seen, counted once); chat-c only migrated.
        assertThat(vigil.recreatedGroups()).isEqualTo(1);
    }

    @Test
    void theSourcesSayWhatEachTopicHeld() {
        assertThat(figures.sources().get("notices").records()).isEqualTo(6);
        assertThat(figures.sources().get("notices").earliest()).isEqualTo(java.time.Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(figures.sources().get("risk-assessments").records()).isEqualTo(6);
    }

    @Test
    void theCsvHasOneFigurePerRowAndTheJsonTheSameFigures() throws Exception {
        String csv = TransparencyReportFormat.CSV.write(figures);
        String json = TransparencyReportFormat.JSON.write(figures);

        assertThat(csv.lines().findFirst()).contains("section,metric,key,value");
        assertThat(csv).contains("notices,total,,5\n", "notices,median_seconds_to_decision,,10800\n",
                "actions,by_ground_and_restriction,DECISION_GROUND_INCOMPATIBLE_CONTENT/DECISION_ACCOUNT_TERMINATED,1\n",
                "automated_means,automated_detection_share,,0.4286\n", "appeals,reversed,,1\n", "vigil,recreated_groups,,1\n");
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.at("/notices/total").asLong()).isEqualTo(5);
        assertThat(tree.at("/appeals/medianSecondsToDecision").asLong()).isEqualTo(129600);
        assertThat(tree.at("/vigil/mediaMatchedByBankSource/PLATFORM").asLong()).isEqualTo(1);
        assertThat(io.vigil.compliance.export.Csv.field("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }
}
