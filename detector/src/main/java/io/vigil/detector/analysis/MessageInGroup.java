package io.vigil.detector.analysis;

import io.vigil.detector.doxxing.PriorCues;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MediaWork;
import io.vigil.schemas.MessageEvent;

import java.util.Optional;

/**
 * A message joined with its group's metadata, if any is known yet.
 *
 * @param followsImage the sender posted an image in this chat shortly before (or this message carries one)
 * @param prior        what the same sender's previous message in this chat pointed at, if it came recently (the text
 *                     stage knows it, in the chat's order, and hands it to the media stage with the work)
 */
public record MessageInGroup(MessageEvent event, Optional<GroupMetadata> group, boolean followsImage, PriorCues prior) {

    public static MessageInGroup join(MessageEvent event, GroupMetadata group) {
        return new MessageInGroup(event, Optional.ofNullable(group), false, PriorCues.NONE);
    }

    public MessageInGroup withFollowsImage(boolean follows) {
        return new MessageInGroup(event, group, follows, prior);
    }

    public boolean hasMedia() {
        return !event.getMedia().isEmpty();
    }

    /** As the text stage hands a message with media to the media stage, with what its sender's previous one pointed at. */
    public static MediaWork toMediaWork(MessageAnalysis message) {
        return MediaWork.newBuilder().setEvent(message.event()).setGroup(message.group().orElse(null))
                .setFollowsImage(message.followsImage()).setPriorCues(message.prior().bits()).build();
    }

    public static MessageInGroup of(MediaWork work) {
        return new MessageInGroup(work.getEvent(), Optional.ofNullable(work.getGroup()), work.getFollowsImage(),
                new PriorCues(work.getPriorCues()));
    }
}
