package io.vigil.enricher.steps;

import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;

import java.util.Optional;

/** A detection joined with what is known of its group, if anything yet. */
public record DetectionInGroup(Detection detection, Optional<GroupMetadata> group) {

    public static DetectionInGroup join(Detection detection, GroupMetadata group) {
        return new DetectionInGroup(detection, Optional.ofNullable(group));
    }
}
