package io.vigil.detector.analysis;

import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MediaWork;
import io.vigil.schemas.MessageEvent;

import java.util.Optional;

/**
 * A message joined with its group's metadata, if any is known yet.
 *
 * @param followsImage the sender posted an image in this chat shortly before (or this message carries one)
 */
public record MessageInGroup(MessageEvent event, Optional<GroupMetadata> group, boolean followsImage) {

    public static MessageInGroup join(MessageEvent event, GroupMetadata group) {
        return new MessageInGroup(event, Optional.ofNullable(group), false);
    }

    public MessageInGroup withFollowsImage(boolean follows) {
        return new MessageInGroup(event, group, follows);
    }

    public boolean hasMedia() {
        return !event.getMedia().isEmpty();
    }

    /** As the text stage hands it to the media stage. */
    public MediaWork toMediaWork() {
        return MediaWork.newBuilder().setEvent(event).setGroup(group.orElse(null)).setFollowsImage(followsImage).build();
    }

    public static MessageInGroup of(MediaWork work) {
        return new MessageInGroup(work.getEvent(), Optional.ofNullable(work.getGroup()), work.getFollowsImage());
    }
}
