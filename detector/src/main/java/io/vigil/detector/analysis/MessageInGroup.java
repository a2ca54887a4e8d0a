package io.vigil.detector.analysis;

import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MessageEvent;

import java.util.Optional;

/** A message joined with its group's metadata, if any is known yet. */
public record MessageInGroup(MessageEvent event, Optional<GroupMetadata> group) {

    public static MessageInGroup join(MessageEvent event, GroupMetadata group) {
        return new MessageInGroup(event, Optional.ofNullable(group));
    }
}
