package io.vigil.compliance.tdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a batch of statements to the Transparency Database and says, for each, whether the database now holds it
 * (submitted, or already there: the puid makes a resend harmless) or refused it, with the database's own reason.
 * <ul>
 *   <li>201: all created.</li>
 *   <li>422 with errors per {@code statement_N}: none was created (api-documentation.md, "Errors when Creating Multiple
 *       Statements of Reason"); those are refused with their errors, the rest are sent again.</li>
 *   <li>any other 422 (a puid the database already has, in a shape the pinned sources do not show for batches): each
 *       puid is looked up; those found are already there, the rest sent again, or one by one when none was found, so
 *       that the single endpoint's documented answers decide.</li>
 *   <li>throttling, the database's own errors, a refused token, no connection: nothing is decided, the caller retries
 *       the whole batch later ({@link RetryLater}).</li>
 * </ul>
 */
public final class BatchSubmission {

    public enum Outcome { SUBMITTED, ALREADY_PRESENT, REJECTED }

    public record Pending<T>(String puid, ObjectNode json, T source) {
    }

    public record Result<T>(Pending<T> statement, Outcome outcome, String reason) {
    }

    /** Nothing was decided; try the batch again after {@link #retryAfter()} (if the database said). */
    public static final class RetryLater extends Exception {
        private final transient Optional<Duration> retryAfter;

        RetryLater(String message, Optional<Duration> retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        public Optional<Duration> retryAfter() {
            return retryAfter;
        }
    }

    private static final String NOT_UNIQUE = "not unique";

    private final StatementApi api;

    public BatchSubmission(StatementApi api) {
        this.api = api;
    }

    public <T> List<Result<T>> submit(List<Pending<T>> batch) throws RetryLater, InterruptedException {
        List<Result<T>> results = new ArrayList<>();
        List<Pending<T>> remaining = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Pending<T> pending : batch) {
            if (seen.add(pending.puid())) {
                remaining.add(pending);
            } else {
                results.add(new Result<>(pending, Outcome.ALREADY_PRESENT, "the same puid earlier in this batch"));
            }
        }
        while (!remaining.isEmpty()) {
            ApiAnswer answer = call(() -> api.createMany(remaining.stream().map(Pending::json).toList()));
            if (answer.created()) {
                remaining.forEach(p -> results.add(new Result<>(p, Outcome.SUBMITTED, "")));
                return results;
            }
            if (answer.retryable()) {
                throw new RetryLater("the Transparency Database answered " + answer.describe(), answer.retryAfter(), null);
            }
            Map<Integer, String> invalid = answer.unprocessable() ? errorsByStatement(answer.body()) : Map.of();
            if (!invalid.isEmpty()) {
                List<Pending<T>> next = new ArrayList<>();
                for (int i = 0; i < remaining.size(); i++) {
                    if (invalid.containsKey(i)) {
                        results.add(new Result<>(remaining.get(i), Outcome.REJECTED, invalid.get(i)));
                    } else {
                        next.add(remaining.get(i));
                    }
                }
                remaining.clear();
                remaining.addAll(next);
                continue;
            }
            int before = remaining.size();
            for (Iterator<Pending<T>> it = remaining.iterator(); it.hasNext(); ) {
                Pending<T> pending = it.next();
                ApiAnswer existing = call(() -> api.existing(pending.puid()));
                if (existing.status() == 302) {
                    results.add(new Result<>(pending, Outcome.ALREADY_PRESENT, "the database already holds this puid"));
                    it.remove();
                } else if (existing.status() != 404) {
                    throw new RetryLater("the Transparency Database answered " + existing.describe() + " to a puid lookup",
                            existing.retryAfter(), null);
                }
            }
            if (remaining.size() == before) {
                for (Pending<T> pending : remaining) {
                    results.add(one(pending));
                }
                return results;
            }
        }
        return results;
    }

    private <T> Result<T> one(Pending<T> pending) throws RetryLater, InterruptedException {
        ApiAnswer answer = call(() -> api.createOne(pending.json()));
        if (answer.created()) {
            return new Result<>(pending, Outcome.SUBMITTED, "");
        }
        if (answer.retryable()) {
            throw new RetryLater("the Transparency Database answered " + answer.describe(), answer.retryAfter(), null);
        }
        JsonNode errors = answer.body().path("errors");
        if (answer.unprocessable() && errors.size() == 1 && errors.path("puid").toString().contains(NOT_UNIQUE)) {
            return new Result<>(pending, Outcome.ALREADY_PRESENT, "the database already holds this puid");
        }
        return new Result<>(pending, Outcome.REJECTED, answer.unprocessable() && errors.isObject() && !errors.isEmpty()
                ? fieldErrors(errors) : answer.describe());
    }

    /** "statement_N": {field: [message, ...]} of a refused batch, as "field: message; ..." per index N. */
    static Map<Integer, String> errorsByStatement(JsonNode body) {
        Map<Integer, String> byIndex = new java.util.TreeMap<>();
        body.path("errors").fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("statement_")) {
                try {
                    byIndex.put(Integer.parseInt(entry.getKey().substring("statement_".length())), fieldErrors(entry.getValue()));
                } catch (NumberFormatException e) {
                    // Not an index: not an error of one statement.
                }
            }
        });
        return byIndex;
    }

    static String fieldErrors(JsonNode errors) {
        List<String> parts = new ArrayList<>();
        errors.fields().forEachRemaining(field -> {
            List<String> messages = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(m -> messages.add(m.asText()));
            } else {
                messages.add(field.getValue().asText());
            }
            parts.add(field.getKey() + ": " + String.join(" ", messages));
        });
        return String.join("; ", parts);
    }

    private interface Call {
        ApiAnswer run() throws IOException, InterruptedException;
    }

    private static ApiAnswer call(Call call) throws RetryLater, InterruptedException {
        try {
            return call.run();
        } catch (IOException e) {
            throw new RetryLater("the Transparency Database did not answer: " + e, Optional.empty(), e);
        }
    }
}
