package io.vigil.enricher.policy;

import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.LineageNotice;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the enricher's memory of the network says about a message: its media clusters, its victim case, its chat's
 * lineage and Vigil's strikes. Empty before the memory was asked (evidence rules never see it) or when it did not
 * answer in time.
 *
 * @param unavailable why the memory is missing, if it is
 */
public record NetworkView(List<ClusterSighting> clusters, Optional<CaseSummary> victimCase, Optional<LineageNotice> lineage,
                          int ownStrikes, int inheritedStrikes, Optional<String> unavailable) {

    public static final NetworkView NOT_ASKED = new NetworkView(List.of(), Optional.empty(), Optional.empty(), 0, 0, Optional.empty());

    public NetworkView {
        clusters = List.copyOf(clusters);
    }

    public int vigilStrikes() {
        return ownStrikes + inheritedStrikes;
    }

    /** The cluster that has reached the most people: what a spread reason talks about. */
    public Optional<ClusterSighting> widestCluster() {
        return clusters.stream().max(Comparator.comparingLong(ClusterSighting::getReach).thenComparingInt(ClusterSighting::getChats));
    }
}
