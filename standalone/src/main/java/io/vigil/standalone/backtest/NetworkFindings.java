package io.vigil.standalone.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.LineageNotice;
import io.vigil.schemas.NetworkContext;
import io.vigil.schemas.RiskAssessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the enricher's memory of the network found over a backtest, from what each RiskAssessment carries in
 * {@code network}: media clusters seen in two or more chats (spread), cases (the person whose data and images recur),
 * and chats that continue another (lineage). Each cluster and case is reported as of its latest sighting (the most
 * sightings, then the latest), with the messages and chats that carried it; each chat's lineage as of its latest
 * message. Assessments without {@code network} add nothing.
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
    private final Map<String, LineageNotice> lineage = new TreeMap<>();
    private final Map<String, Long> lineageAt = new LinkedHashMap<>();

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
        }
        LineageNotice notice = network.getLineage();
        if (notice != null && carrier.sentAt() >= lineageAt.getOrDefault(carrier.chatId(), Long.MIN_VALUE)) {
            lineage.put(carrier.chatId(), notice);
            lineageAt.put(carrier.chatId(), carrier.sentAt());
        }
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
        cases.forEach((id, summary) -> {
            List<Carrier> carriers = inTimeOrder(caseCarriers.get(id));
            ObjectNode line = json.createObjectNode().put("kind", "case").put("caseId", id);
            carriers.forEach(c -> line.withArray("messages").add(c.ref()));
            chatsOf(caseCarriers.get(id)).forEach(line.putArray("chats")::add);
            line.put("reach", summary.getReach());
            lines.add(line);
        });
        lineage.forEach((chat, notice) -> {
            ObjectNode line = json.createObjectNode().put("kind", "lineage").put("chatId", chat)
                    .put("predecessorChatId", notice.getPredecessorChatId()).put("relation", notice.getRelation())
                    .put("score", notice.getScore());
            notice.getEvidence().forEach(line.putArray("evidence")::add);
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
