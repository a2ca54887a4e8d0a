package io.vigil.compliance.tdb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.compliance.Fixtures;
import io.vigil.compliance.delivery.RateLimiter;
import io.vigil.compliance.statements.ActionContext;
import io.vigil.compliance.statements.StatementDrafter;
import io.vigil.compliance.statements.StatementJson;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.EnforcementType;
import io.vigil.schemas.StatementOfReasons;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.vigil.compliance.Fixtures.action;
import static io.vigil.compliance.Fixtures.photoItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch submission against a local server that answers like the Transparency Database's API. */
class BatchSubmissionTest {

    private static final String TOKEN = "X|ybqkCFX7ZkIFoLxtI0VAk1JBzMR9jVk4c4EU";
    private final TransparencyDatabaseDouble database = new TransparencyDatabaseDouble(TOKEN, 50);
    private final StatementDrafter drafter = new StatementDrafter(Fixtures.policy());

    @AfterEach
    void stop() {
        database.close();
    }

    private BatchSubmission submission(String token, int perSecond) {
        return new BatchSubmission(new TransparencyDatabaseClient(database.endpoint(), () -> token,
                new RateLimiter(perSecond, 12_000, Clock.systemUTC()), Duration.ofSeconds(10)));
    }

    private List<BatchSubmission.Pending<Integer>> statements(int from, int count) {
        List<BatchSubmission.Pending<Integer>> pending = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            StatementOfReasons statement = drafter.restriction(new ActionContext(
                    action("chat-" + i, "m" + i, EnforcementType.REMOVE_MESSAGE, ContentCategory.NCII),
                    Optional.of(photoItem("chat-" + i, "m" + i)), Set.of())).orElseThrow();
            pending.add(new BatchSubmission.Pending<>(statement.getPuid(), StatementJson.toJson(statement.getStatement()), i));
        }
        return pending;
    }

    @Test
    void aBatchOfValidStatementsIsCreatedInOneCall() throws Exception {
        var results = submission(TOKEN, 50).submit(statements(0, 100));

        assertThat(results).extracting(BatchSubmission.Result::outcome).containsOnly(BatchSubmission.Outcome.SUBMITTED).hasSize(100);
        assertThat(database.batchSizes()).containsExactly(100);
        assertThat(database.puids()).hasSize(100);
        assertThat(database.statement(results.get(0).statement().puid()).get("category").asText()).isEqualTo("STATEMENT_CATEGORY_CYBER_VIOLENCE");
    }

    @Test
    void aBatchSentAgainIsFoundAlreadyThereAndNothingIsCreatedTwice() throws Exception {
        submission(TOKEN, 50).submit(statements(0, 10));

        var again = submission(TOKEN, 50).submit(statements(0, 10));

        assertThat(again).extracting(BatchSubmission.Result::outcome).containsOnly(BatchSubmission.Outcome.ALREADY_PRESENT).hasSize(10);
        assertThat(database.puids()).hasSize(10);
    }

    @Test
    void aBatchMixingNewAndKnownStatementsCreatesOnlyTheNewOnes() throws Exception {
        submission(TOKEN, 50).submit(statements(0, 4));

        var mixed = submission(TOKEN, 50).submit(statements(2, 6));

        assertThat(mixed).filteredOn(r -> r.outcome() == BatchSubmission.Outcome.ALREADY_PRESENT)
                .extracting(r -> r.statement().source()).containsExactlyInAnyOrder(2, 3);
        assertThat(mixed).filteredOn(r -> r.outcome() == BatchSubmission.Outcome.SUBMITTED)
                .extracting(r -> r.statement().source()).containsExactlyInAnyOrder(4, 5, 6, 7);
        assertThat(database.puids()).hasSize(8);
    }

    @Test
    void theSamePuidTwiceInOneBatchIsSentOnce() throws Exception {
        List<BatchSubmission.Pending<Integer>> twice = new ArrayList<>(statements(0, 3));
        twice.add(twice.get(1));

        var results = submission(TOKEN, 50).submit(twice);

        assertThat(results).extracting(BatchSubmission.Result::outcome).containsExactlyInAnyOrder(BatchSubmission.Outcome.SUBMITTED,
                BatchSubmission.Outcome.SUBMITTED, BatchSubmission.Outcome.SUBMITTED, BatchSubmission.Outcome.ALREADY_PRESENT);
        assertThat(database.batchSizes()).containsExactly(3);
    }

    @Test
    void statementsTheDatabaseRefusesGetItsReasonAndTheRestOfTheBatchIsCreated() throws Exception {
        List<BatchSubmission.Pending<Integer>> batch = statements(0, 5);
        ObjectNode wrongGround = batch.get(1).json();
        wrongGround.put("decision_ground", "DECISION_GROUND_POLICY");
        ObjectNode noFacts = batch.get(3).json();
        noFacts.remove("decision_facts");
        noFacts.put("content_date", "1999-01-01");

        var results = submission(TOKEN, 50).submit(batch);

        assertThat(results).filteredOn(r -> r.outcome() == BatchSubmission.Outcome.REJECTED)
                .extracting(r -> r.statement().source() + " " + r.reason())
                .containsExactlyInAnyOrder("1 decision_ground: The selected decision ground is invalid.",
                        "3 content_date: The content date field must be a date after or equal to 2000-01-01.; decision_facts: The decision facts field is required.");
        assertThat(results).filteredOn(r -> r.outcome() == BatchSubmission.Outcome.SUBMITTED).extracting(r -> r.statement().source())
                .containsExactlyInAnyOrder(0, 2, 4);
        assertThat(database.batchSizes()).as("refused whole, then resent without the two").containsExactly(5, 3);
        assertThat(database.puids()).hasSize(3);
    }

    @Test
    void throttlingAndTheDatabasesOwnErrorsDecideNothingAndAskToRetry() throws Exception {
        database.failNext(429);
        assertThatThrownBy(() -> submission(TOKEN, 50).submit(statements(0, 3)))
                .isInstanceOfSatisfying(BatchSubmission.RetryLater.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)))
                .hasMessageContaining("HTTP 429");
        database.failNext(503);
        assertThatThrownBy(() -> submission(TOKEN, 50).submit(statements(0, 3))).isInstanceOf(BatchSubmission.RetryLater.class)
                .hasMessageContaining("HTTP 503");
        assertThat(database.puids()).isEmpty();

        assertThat(submission(TOKEN, 50).submit(statements(0, 3))).extracting(BatchSubmission.Result::outcome)
                .containsOnly(BatchSubmission.Outcome.SUBMITTED);
    }

    @Test
    void aRefusedTokenIsTheOperatorsProblemNotTheStatementsSoNothingIsDeadLettered() {
        assertThatThrownBy(() -> submission("X|revoked", 50).submit(statements(0, 3)))
                .isInstanceOf(BatchSubmission.RetryLater.class).hasMessageContaining("HTTP 401");
        assertThat(database.puids()).isEmpty();
    }

    @Test
    void theSubmitterStaysUnderTheRateLimitItIsGiven() throws Exception {
        TransparencyDatabaseDouble strict = new TransparencyDatabaseDouble(TOKEN, 5);
        try {
            BatchSubmission limited = new BatchSubmission(new TransparencyDatabaseClient(strict.endpoint(), () -> TOKEN,
                    new RateLimiter(5, 12_000, Clock.systemUTC()), Duration.ofSeconds(10)));
            for (int i = 0; i < 15; i++) {
                limited.submit(statements(i, 1));
            }

            assertThat(strict.statuses()).hasSize(15).doesNotContain(429);
            assertThat(strict.busiestSecond()).isLessThanOrEqualTo(5);
        } finally {
            strict.close();
        }
    }

    @Test
    void aConnectionRefusedIsRetriedLater() {
        database.close();

        assertThatThrownBy(() -> submission(TOKEN, 50).submit(statements(0, 1)))
                .isInstanceOf(BatchSubmission.RetryLater.class).hasMessageContaining("did not answer");
    }

    @Test
    void refusedStatementsFoundOneByOneWhenABatchIsRefusedWithoutSayingWhich() throws Exception {
        // A batch refused with a 422 that names no statement_N (here the batch endpoint's answer to a known puid):
        // the submitter asks for each puid and lets the single endpoint's documented answers decide the rest.
        submission(TOKEN, 50).submit(statements(1, 1));
        List<Integer> before = database.statuses();

        var results = submission(TOKEN, 50).submit(statements(0, 3));

        assertThat(results).extracting(r -> r.statement().source() + " " + r.outcome())
                .containsExactlyInAnyOrder("0 SUBMITTED", "1 ALREADY_PRESENT", "2 SUBMITTED");
        assertThat(database.statuses().subList(before.size(), database.statuses().size()))
                .as("422 for the batch, 404 302 404 for the lookups, 201 for the resent batch").containsExactly(422, 404, 302, 404, 201);
        assertThat(database.puids()).hasSize(3);
    }
}
