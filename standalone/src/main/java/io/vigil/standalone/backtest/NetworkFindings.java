package io.vigil.standalone.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.LineageEvidence;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.NetworkContext;
import io.vigil.schemas.RiskAssessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the enricher's memory of the network found over a backtest. Media clusters seen in two or more chats (spread)
 * and cases (the person whose data and images recur) come from what each RiskAssessment carries in {@code network},
 * each as of its latest sighting (the most sightings, then the latest), with the messages and chats that carried it;
 * a case merged into another ({@code CaseSummary.mergedCaseIds}) is reported as part of the one that absorbed it.
 * Lineage comes from the enricher's {@code group-lineage} records, the latest per chat, with the evidence's codes.
 */
final class NetworkFindings {

    private record Carrier(String chatId, String messageId, long sentAt) {
        String ref() {
            return chatId + ":" + messageId;
        }
    }

    private static final Comparator<ClusterSighting> LATER_SIGHTING =
            Comparator.comparingLong(ClusterSighting::getSightings).thenComparing(ClusterSighting::getLastSeen);
    private static final Comparator<CaseSummary> LATER_CASE =
            Comparator.comparingInt(CaseSummary::getItems).thenComparing(CaseSummary::getLastSeen);

    private final Map<String, ClusterSighting> clusters = new TreeMap<>();
    private final Map<String, Set<Carrier>> clusterCarriers = new LinkedHashMap<>();
    private final Map<String, CaseSummary> cases = new TreeMap<>();
    private final Map<String, Set<Carrier>> caseCarriers = new LinkedHashMap<>();
    private final Map<String, String> mergedInto = new HashMap<>();
    private final Map<String, LineageRecord> lineage = new TreeMap<>();

    void add(RiskAssessment assessment) {
        NetworkContext network = assessment.getNetwork();
        if (network == null) {
            return;
        }
        Carrier carrier = new Carrier(assessment.getChatId(), assessment.getMessageId(), assessment.getSentAt().toEpochMilli());
        for (ClusterSighting sighting : network.getClusters()) {
            clusters.merge(sighting.getClusterId(), sighting, (a, b) -> LATER_SIGHTING.compare(a, b) >= 0 ? a : b);
            clusterCarriers.computeIfAbsent(sighting.getClusterId(), id -> new LinkedHashSet<>()).add(carrier);
        }
        CaseSummary victimCase = network.getVictimCase();
        if (victimCase != null) {
            cases.merge(victimCase.getCaseId(), victimCase, (a, b) -> LATER_CASE.compare(a, b) >= 0 ? a : b);
            caseCarriers.computeIfAbsent(victimCase.getCaseId(), id -> new LinkedHashSet<>()).add(carrier);
            victimCase.getMergedCaseIds().forEach(merged -> mergedInto.put(merged, victimCase.getCaseId()));
        }
    }

    /** A lineage record, in the order the topic holds them: a later one of the same chat replaces it. */
    void add(LineageRecord record) {
        lineage.put(record.getChatId(), record);
    }

    /** The case an item's case ended in: itself, or the case it was merged into (through every later merge). */
    String finalCase(String caseId) {
        String id = caseId;
        Set<String> seen = new LinkedHashSet<>();
        while (mergedInto.containsKey(id) && seen.add(id)) {
            id = mergedInto.get(id);
        }
        return id;
    }

    /** The spread, case and lineage lines, in that order, each sorted by its id. */
    List<ObjectNode> lines(ObjectMapper json) {
        List<ObjectNode> lines = new ArrayList<>();
        clusters.forEach((id, sighting) -> {
            List<String> chats = chatsOf(clusterCarriers.get(id));
            if (Math.max(sighting.getChats(), chats.size()) < 2) {
                return;
            }
            ObjectNode line = json.createObjectNode().put("kind", "spread").put("clusterId", id);
            chats.forEach(line.putArray("chats")::add);
            line.put("sightings", sighting.getSightings()).put("reach", sighting.getReach());
            lines.add(line);
        });
        Map<String, Set<Carrier>> carriersByFinalCase = new TreeMap<>();
        caseCarriers.forEach((id, carriers) -> carriersByFinalCase.computeIfAbsent(finalCase(id), f -> new LinkedHashSet<>()).addAll(carriers));
        carriersByFinalCase.forEach((id, carriers) -> {
            ObjectNode line = json.createObjectNode().put("kind", "case").put("caseId", id);
            inTimeOrder(carriers).forEach(c -> line.withArray("messages").add(c.ref()));
            chatsOf(carriers).forEach(line.putArray("chats")::add);
            CaseSummary summary = cases.get(id);
            line.put("reach", summary == null ? 0 : summary.getReach());
            lines.add(line);
        });
        lineage.forEach((chat, record) -> {
            ObjectNode line = json.createObjectNode().put("kind", "lineage").put("chatId", chat)
                    .put("predecessorChatId", record.getPredecessorChatId()).put("relation", record.getRelation())
                    .put("score", BacktestResults.rounded(record.getScore()));
            record.getEvidence().stream().map(LineageEvidence::getCode).forEach(line.putArray("evidence")::add);
            lines.add(line);
        });
        return lines;
    }

    private static List<Carrier> inTimeOrder(Set<Carrier> carriers) {
        List<Carrier> sorted = new ArrayList<>(carriers);
        sorted.sort(Comparator.comparingLong(Carrier::sentAt).thenComparing(Carrier::chatId).thenComparing(Carrier::messageId));
        return sorted;
    }

    private static List<String> chatsOf(Set<Carrier> carriers) {
        return carriers.stream().map(Carrier::chatId).distinct().sorted().toList();
    }
}
