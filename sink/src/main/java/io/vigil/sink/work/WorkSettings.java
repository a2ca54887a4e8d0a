package io.vigil.sink.work;

import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.Validatable;
import io.vigil.schemas.topics.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How moderators' work is run.
 *
 * @param escalationQueue     where escalated items go (worked by seniors)
 * @param slaMinutes          per queue, the time from enqueueing to decision the team commits to
 * @param escalateUnclaimedAt fraction of the SLA after which an item nobody has claimed is escalated
 * @param claimMinutes        how long a claim holds before it lapses (a moderator who walks away frees the item)
 * @param commandTimeoutMs    how long a request waits for the topology's verdict on its command
 * @param revealSeconds       how long the page shows a revealed original before hiding it again
 * @param revealApprovalMinutes how long a senior's approval of a moderator's reveal request holds
 */
public record WorkSettings(String escalationQueue, Map<String, Integer> slaMinutes, double escalateUnclaimedAt, int claimMinutes,
                           int commandTimeoutMs, int revealSeconds, int revealApprovalMinutes, int decisionsPerMinute,
                           int revealsPerMinute) implements Validatable {

    public WorkSettings {
        slaMinutes = slaMinutes == null ? Map.of() : Map.copyOf(slaMinutes);
    }

    /** The SLA of a queue; a queue without a target gets none (no clock, no breach). */
    public Duration sla(String queue) {
        Integer minutes = slaMinutes.get(queue);
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    public Duration revealApproval() {
        return Duration.ofMinutes(revealApprovalMinutes);
    }

    public Duration claimLease() {
        return Duration.ofMinutes(claimMinutes);
    }

    @Override
    public List<String> problems() {
        Checks checks = new Checks().notBlank(escalationQueue, "escalation-queue")
                .between(escalateUnclaimedAt, 0.1, 1.0, "escalate-unclaimed-at").positive(claimMinutes, "claim-minutes")
                .require(commandTimeoutMs >= 100 && commandTimeoutMs <= 60_000, "command-timeout-ms", "must be 100-60000")
                .require(revealSeconds >= 5 && revealSeconds <= 600, "reveal-seconds", "must be 5-600")
                .require(revealApprovalMinutes >= 1 && revealApprovalMinutes <= 120, "reveal-approval-minutes", "must be 1-120")
                .positive(decisionsPerMinute, "decisions-per-minute").positive(revealsPerMinute, "reveals-per-minute");
        slaMinutes.forEach((queue, minutes) -> checks.require(minutes != null && minutes > 0, "sla-minutes." + queue, "must be positive"));
        if (escalationQueue != null && !escalationQueue.isBlank()) {
            try {
                Topics.queue(escalationQueue);
            } catch (IllegalArgumentException e) {
                checks.require(false, "escalation-queue", e.getMessage());
            }
        }
        return checks.problems();
    }
}
