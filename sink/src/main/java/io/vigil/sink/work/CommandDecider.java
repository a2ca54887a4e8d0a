package io.vigil.sink.work;

import io.vigil.schemas.ClaimLease;
import io.vigil.schemas.CommandKind;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DecidedMedia;
import io.vigil.schemas.Escalation;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.OutcomeStatus;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RevealGrant;
import io.vigil.sink.auth.Permission;
import io.vigil.sink.auth.Role;
import io.vigil.sink.auth.QueueAccess;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of claims, escalations and decisions, applied to one item's state: the item must exist, the command
 * must name its chat and current queue, the caller's roles must reach that queue, a decided item takes no further
 * command, and a live claim of another moderator refuses the command. Knows nothing of Kafka; the topology applies
 * one item's commands in order, so every verdict is made against the state the previous one left.
 */
public final class CommandDecider {

    /** The verdict, the item's new state (null if unchanged) and, for an accepted decision, the decision. */
    public record Verdict(CommandOutcome outcome, QueueEntry updated, ModerationDecision decision) {

        public boolean accepted() {
            return outcome.getStatus() == OutcomeStatus.ACCEPTED;
        }
    }

    private final WorkSettings settings;
    private final QueueAccess access;

    public CommandDecider(WorkSettings settings, QueueAccess access) {
        this.settings = settings;
        this.access = access;
    }

    public static String currentQueue(QueueEntry entry) {
        return entry.getQueue() == null || entry.getQueue().isBlank() ? entry.getItem().getQueue() : entry.getQueue();
    }

    public static boolean claimedByOther(QueueEntry entry, String actor, Instant now) {
        ClaimLease claim = entry.getClaim();
        return claim != null && claim.getExpiresAt().isAfter(now) && !claim.getModeratorId().equals(actor);
    }

    public Verdict decide(QueueEntry entry, ModerationCommand command, Instant now) {
        if (entry == null || entry.getItem() == null) {
            return refuse(command, OutcomeStatus.NOT_FOUND, "no such item in the queue state", null, now);
        }
        QueueItem item = entry.getItem();
        String queue = currentQueue(entry);
        if (!item.getChatId().equals(command.getChatId())) {
            return refuse(command, OutcomeStatus.MISMATCH, "the item belongs to another chat", null, now);
        }
        if (!queue.equals(command.getQueue())) {
            return refuse(command, OutcomeStatus.MISMATCH, "the item is in queue " + queue + ", not " + command.getQueue(), null, now);
        }
        if (!access.allows(roles(command), queue)) {
            return refuse(command, OutcomeStatus.FORBIDDEN, "your roles do not reach queue " + queue, null, now);
        }
        if (entry.getDecision() != null) {
            OutcomeStatus status = command.getKind() == CommandKind.DECIDE ? OutcomeStatus.CONFLICT : OutcomeStatus.NOT_OPEN;
            return refuse(command, status, "already decided", entry.getDecision().getModeratorId(), now);
        }
        if (command.getKind() != CommandKind.APPROVE_REVEAL && claimedByOther(entry, command.getActor(), now)) {
            return refuse(command, OutcomeStatus.CONFLICT, "claimed by another moderator", entry.getClaim().getModeratorId(), now);
        }
        return switch (command.getKind()) {
            case CLAIM -> accept(command, now, copy(entry).setClaim(new ClaimLease(command.getActor(), now,
                    now.plus(settings.claimLease()), command.getCommandId())).setUpdatedAt(now).build(), null);
            case RELEASE -> accept(command, now, copy(entry).setClaim(null).setUpdatedAt(now).build(), null);
            case ESCALATE -> escalate(entry, command, queue, now);
            case DECIDE -> decideItem(entry, command, queue, now);
            case REQUEST_REVEAL -> requestReveal(entry, command, now);
            case APPROVE_REVEAL -> approveReveal(entry, command, now);
            case UNKNOWN -> refuse(command, OutcomeStatus.MISMATCH, "unknown command", null, now);
        };
    }

    private Verdict escalate(QueueEntry entry, ModerationCommand command, String queue, Instant now) {
        if (queue.equals(settings.escalationQueue())) {
            return refuse(command, OutcomeStatus.NOT_OPEN, "already in the escalation queue", null, now);
        }
        return accept(command, now, escalated(entry, command.getActor(), command.getReason(), now), null);
    }

    /** The entry moved to the escalation queue, unclaimed, with its SLA clock restarted for that queue. */
    public QueueEntry escalated(QueueEntry entry, String by, String reason, Instant now) {
        var sla = settings.sla(settings.escalationQueue());
        return copy(entry).setQueue(settings.escalationQueue()).setClaim(null)
                .setEscalation(new Escalation(currentQueue(entry), by, now, reason == null ? "" : reason))
                .setDueAt(sla == null ? null : now.plus(sla)).setBreached(false).setUpdatedAt(now).build();
    }

    /** A moderator asks to see the originals, with a reason; a senior's approval makes it a time-limited permission. */
    private Verdict requestReveal(QueueEntry entry, ModerationCommand command, Instant now) {
        if (roles(command).stream().noneMatch(role -> role.grants(Permission.REVEAL))) {
            return refuse(command, OutcomeStatus.FORBIDDEN, "your roles do not allow revealing originals", null, now);
        }
        List<RevealGrant> grants = new ArrayList<>(entry.getRevealGrants().stream()
                .filter(g -> !g.getModeratorId().equals(command.getActor())).toList());
        grants.add(new RevealGrant(command.getActor(), command.getReason(), now, null, null));
        return accept(command, now, copy(entry).setRevealGrants(grants).setUpdatedAt(now).build(), null);
    }

    /** A second person, a senior, approves a moderator's request. */
    private Verdict approveReveal(QueueEntry entry, ModerationCommand command, Instant now) {
        if (roles(command).stream().noneMatch(role -> role.grants(Permission.REVEAL_UNCLAIMED))) {
            return refuse(command, OutcomeStatus.FORBIDDEN, "only a senior approves a reveal", null, now);
        }
        if (command.getForModerator() == null || command.getForModerator().equals(command.getActor())) {
            return refuse(command, OutcomeStatus.FORBIDDEN, "a reveal is approved by a second person", null, now);
        }
        List<RevealGrant> grants = new ArrayList<>();
        boolean found = false;
        for (RevealGrant grant : entry.getRevealGrants()) {
            if (grant.getModeratorId().equals(command.getForModerator())) {
                grants.add(new RevealGrant(grant.getModeratorId(), grant.getReason(), grant.getRequestedAt(), command.getActor(),
                        now.plus(settings.revealApproval())));
                found = true;
            } else {
                grants.add(grant);
            }
        }
        if (!found) {
            return refuse(command, OutcomeStatus.NOT_FOUND, "that moderator has not asked to reveal this item", null, now);
        }
        return accept(command, now, copy(entry).setRevealGrants(grants).setUpdatedAt(now).build(), null);
    }

    /** Whether the moderator holds an approved, unexpired reveal of this item. */
    public static boolean mayReveal(QueueEntry entry, String moderator, Instant now) {
        return entry.getRevealGrants().stream().anyMatch(g -> g.getModeratorId().equals(moderator) && g.getApprovedBy() != null
                && g.getExpiresAt() != null && g.getExpiresAt().isAfter(now));
    }

    private Verdict decideItem(QueueEntry entry, ModerationCommand command, String queue, Instant now) {
        ModerationAction action = command.getAction();
        if (action == null || action == ModerationAction.UNKNOWN || action == ModerationAction.ESCALATED
                || action == ModerationAction.REVERSED) {
            return refuse(command, OutcomeStatus.MISMATCH, "not a decision a moderator takes on an open item", null, now);
        }
        QueueItem item = entry.getItem();
        boolean dismissal = action == ModerationAction.DISMISSED_FALSE_POSITIVE || action == ModerationAction.DISMISSED_NO_ACTION;
        ContentCategory category = dismissal ? null
                : command.getCategory() != null ? command.getCategory()
                : item.getCategories().isEmpty() ? null : item.getCategories().get(0);
        ModerationDecision decision = ModerationDecision.newBuilder()
                .setDecisionId(decisionId(command))
                .setItemId(item.getItemId()).setQueue(queue).setPlatform(item.getPlatform()).setChatId(item.getChatId())
                .setMessageId(item.getMessageId()).setAction(action).setModeratorId(command.getActor()).setNote(command.getNote())
                .setDecidedAt(now).setCaseId(entry.getCaseId()).setCategory(category).setSenderId(item.getSenderId())
                .setMedia(item.getMedia().stream().map(m -> new DecidedMedia(m.getMediaId(), m.getSha256(), m.getMd5(), m.getPdq(),
                        m.getPdqQuality())).toList())
                .setAutomatedDetection(true).setAutomatedDecision(false)
                .build();
        return accept(command, now, copy(entry).setDecision(decision).setClaim(null).setUpdatedAt(now).build(), decision);
    }

    public static String decisionId(ModerationCommand command) {
        return "decision-" + command.getCommandId();
    }

    private static Set<Role> roles(ModerationCommand command) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        command.getRoles().forEach(name -> Role.fromClaim(name).ifPresent(roles::add));
        return roles;
    }

    private static QueueEntry.Builder copy(QueueEntry entry) {
        return QueueEntry.newBuilder(entry);
    }

    private static Verdict accept(ModerationCommand command, Instant now, QueueEntry updated, ModerationDecision decision) {
        return new Verdict(outcome(command, OutcomeStatus.ACCEPTED, "", null, decision == null ? null : decision.getDecisionId(), now),
                updated, decision);
    }

    private static Verdict refuse(ModerationCommand command, OutcomeStatus status, String detail, String holder, Instant now) {
        return new Verdict(outcome(command, status, detail, holder, null, now), null, null);
    }

    private static CommandOutcome outcome(ModerationCommand command, OutcomeStatus status, String detail, String holder,
                                          String decisionId, Instant now) {
        return CommandOutcome.newBuilder().setCommandId(command.getCommandId()).setItemId(command.getItemId()).setStatus(status)
                .setDetail(detail).setHolder(holder).setDecisionId(decisionId).setAt(now).build();
    }
}
