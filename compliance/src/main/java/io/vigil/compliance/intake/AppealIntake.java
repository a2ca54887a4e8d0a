package io.vigil.compliance.intake;

import io.vigil.schemas.Appeal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Checks an appeal (a complaint under DSA Art. 20) and turns it into the {@code Appeal} contract. Who took the
 * contested decision is filled in where the decision is known (so that somebody else decides the appeal); the
 * platform's backend only names it.
 */
public final class AppealIntake {

    public static final int MAX_EXPLANATION = 10_000;

    private final Clock clock;

    public AppealIntake(Clock clock) {
        this.clock = clock;
    }

    public Appeal accept(AppealRequest request, String submittedBy) throws IntakeProblems {
        if (request == null) {
            throw new IntakeProblems(List.of("body: a JSON appeal is required"));
        }
        List<String> problems = new ArrayList<>();
        if (request.decisionId() == null || !request.decisionId().matches("[A-Za-z0-9_.:@+-]{1,200}")) {
            problems.add("decisionId: required, 1-200 characters of A-Z a-z 0-9 _ . : @ + -");
        }
        Identifiers.check(request.platform(), "platform", problems);
        Identifiers.check(request.chatId(), "chatId", problems);
        Identifiers.check(request.messageId(), "messageId", problems);
        Identifiers.check(request.appellantId(), "appellantId", problems);
        if (request.explanation() != null && request.explanation().length() > MAX_EXPLANATION) {
            problems.add("explanation: at most " + MAX_EXPLANATION + " characters");
        }
        if (!problems.isEmpty()) {
            throw new IntakeProblems(problems);
        }
        return Appeal.newBuilder()
                .setAppealId("appeal-" + UUID.randomUUID())
                .setReceivedAt(clock.instant())
                .setSubmittedBy(submittedBy)
                .setAppellantId(request.appellantId())
                .setDecisionId(request.decisionId())
                .setItemId(request.platform() + ":" + request.chatId() + ":" + request.messageId())
                .setPlatform(request.platform())
                .setChatId(request.chatId())
                .setMessageId(request.messageId())
                .setExplanation(request.explanation() == null ? "" : request.explanation())
                .build();
    }
}
