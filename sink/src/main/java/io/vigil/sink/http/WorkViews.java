package io.vigil.sink.http;

import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.NetworkContext;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.sink.feed.AlertView;
import io.vigil.sink.work.CaseKey;
import io.vigil.sink.work.CommandDecider;
import io.vigil.sink.work.WorkOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The queue state as the page shows it: cases of items, each with its claim, SLA clock and decision. */
final class WorkViews {

    record Claim(String moderatorId, long expiresAt) {
    }

    record Escalation(String fromQueue, String by, long at, String reason) {
    }

    record Decision(String decisionId, String action, String moderatorId, long decidedAt) {
    }

    /** A moderator's reveal request and, once a senior approved it, until when it holds. */
    record Reveal(String moderatorId, String reason, String approvedBy, Long expiresAt) {
    }

    /** @param senderItemsInCase items of this case sent by the same sender (the sender's history in the case) */
    record ItemView(AlertView item, String currentQueue, Long dueAt, boolean breached, Claim claim, Escalation escalation,
                    Decision decision, int senderItemsInCase, List<Reveal> reveals) {
    }

    /** @param spread in words, e.g. "3 chats · 50,000 members reached" */
    record CaseView(String caseId, String level, long reach, int chats, long firstSeen, long lastSeen, String summary,
                    AlertView.Lineage lineage, Long dueAt, int open, List<String> claimedBy, List<ItemView> items) {
    }

    private WorkViews() {
    }

    static List<CaseView> cases(List<QueueEntry> entries, Instant now) {
        Map<String, List<QueueEntry>> byCase = entries.stream().filter(e -> e.getItem() != null)
                .sorted(Comparator.comparing(QueueEntry::getItem, WorkOrder.ITEMS))
                .collect(Collectors.groupingBy(WorkViews::caseOf, LinkedHashMap::new, Collectors.toList()));
        List<CaseView> cases = new ArrayList<>();
        byCase.forEach((caseId, members) -> cases.add(caseView(caseId, members, now)));
        // Cases with open work first, then in the work order of their most urgent item (the map keeps that order).
        cases.sort(Comparator.comparing((CaseView c) -> c.open() == 0));
        return cases;
    }

    private static String caseOf(QueueEntry entry) {
        return entry.getCaseId() == null || entry.getCaseId().isBlank() ? CaseKey.of(entry.getItem()) : entry.getCaseId();
    }

    private static CaseView caseView(String caseId, List<QueueEntry> members, Instant now) {
        Map<String, Long> bySender = members.stream().collect(Collectors.groupingBy(e -> e.getItem().getSenderId(), Collectors.counting()));
        List<ItemView> items = members.stream().map(e -> item(e, bySender.get(e.getItem().getSenderId()).intValue())).toList();
        List<QueueEntry> open = members.stream().filter(e -> e.getDecision() == null).toList();
        QueueItem first = members.get(0).getItem();
        CaseSummary summary = members.stream().map(e -> e.getItem().getNetwork()).filter(Objects::nonNull)
                .map(NetworkContext::getVictimCase).filter(Objects::nonNull).max(Comparator.comparingLong(CaseSummary::getReach)).orElse(null);
        long reach = members.stream().mapToLong(e -> CaseKey.reach(e.getItem())).max().orElse(0);
        int chats = (int) Math.max(members.stream().map(e -> e.getItem().getChatId()).distinct().count(),
                members.stream().map(e -> e.getItem().getNetwork()).filter(Objects::nonNull)
                        .flatMap(n -> n.getClusters().stream()).mapToInt(ClusterSighting::getChats).max().orElse(0));
        long firstSeen = members.stream().mapToLong(e -> e.getItem().getSentAt().toEpochMilli()).min().orElse(0);
        long lastSeen = members.stream().mapToLong(e -> e.getItem().getSentAt().toEpochMilli()).max().orElse(0);
        if (summary != null) {
            reach = Math.max(reach, summary.getReach());
            chats = Math.max(chats, summary.getChats());
            firstSeen = Math.min(firstSeen, summary.getFirstSeen().toEpochMilli());
            lastSeen = Math.max(lastSeen, summary.getLastSeen().toEpochMilli());
        }
        AlertView.Lineage lineage = items.stream().map(i -> i.item().lineage()).filter(Objects::nonNull).findFirst().orElse(null);
        Long dueAt = open.stream().map(QueueEntry::getDueAt).filter(Objects::nonNull).min(Instant::compareTo).map(Instant::toEpochMilli).orElse(null);
        List<String> claimedBy = open.stream().map(QueueEntry::getClaim).filter(c -> c != null && c.getExpiresAt().isAfter(now))
                .map(c -> c.getModeratorId()).distinct().toList();
        return new CaseView(caseId, first.getLevel().name().toLowerCase(Locale.ROOT), reach, chats, firstSeen, lastSeen,
                summary == null ? "" : summary.getSummary(), lineage, dueAt, open.size(), claimedBy, items);
    }

    static ItemView item(QueueEntry entry, int senderItemsInCase) {
        QueueItem item = entry.getItem();
        return new ItemView(AlertView.of(item.getItemId(), item), CommandDecider.currentQueue(entry),
                entry.getDueAt() == null ? null : entry.getDueAt().toEpochMilli(), entry.getBreached(),
                entry.getClaim() == null ? null : new Claim(entry.getClaim().getModeratorId(), entry.getClaim().getExpiresAt().toEpochMilli()),
                entry.getEscalation() == null ? null : new Escalation(entry.getEscalation().getFromQueue(), entry.getEscalation().getBy(),
                        entry.getEscalation().getAt().toEpochMilli(), entry.getEscalation().getReason()),
                entry.getDecision() == null ? null : new Decision(entry.getDecision().getDecisionId(),
                        entry.getDecision().getAction().name(), entry.getDecision().getModeratorId(),
                        entry.getDecision().getDecidedAt().toEpochMilli()),
                senderItemsInCase,
                entry.getRevealGrants().stream().map(g -> new Reveal(g.getModeratorId(), g.getReason(), g.getApprovedBy(),
                        g.getExpiresAt() == null ? null : g.getExpiresAt().toEpochMilli())).toList());
    }
}
