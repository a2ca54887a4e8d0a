package io.vigil.sink.work;

import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.NetworkContext;
import io.vigil.schemas.QueueItem;

/**
 * Which case an item belongs to: the enricher's victim case (items that concern the same person), else its first
 * media cluster (copies of the same image), else the item alone. The prefix keeps the three id spaces apart.
 */
public final class CaseKey {

    private CaseKey() {
    }

    public static String of(QueueItem item) {
        NetworkContext network = item.getNetwork();
        if (network != null && network.getVictimCase() != null && !network.getVictimCase().getCaseId().isBlank()) {
            return "case:" + network.getVictimCase().getCaseId();
        }
        if (network != null) {
            for (ClusterSighting cluster : network.getClusters()) {
                if (!cluster.getClusterId().isBlank()) {
                    return "cluster:" + cluster.getClusterId();
                }
            }
        }
        return "item:" + item.getItemId();
    }

    /** Members the item's content reached: the case's reach, else its widest cluster's, else its group's size. */
    public static long reach(QueueItem item) {
        NetworkContext network = item.getNetwork();
        if (network != null && network.getVictimCase() != null) {
            return network.getVictimCase().getReach();
        }
        long clusters = network == null ? 0 : network.getClusters().stream().mapToLong(ClusterSighting::getReach).max().orElse(0);
        if (clusters > 0) {
            return clusters;
        }
        return item.getGroup() == null ? 0 : item.getGroup().getMemberCount();
    }
}
