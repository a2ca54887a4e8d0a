package io.vigil.enricher.steps;

import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.LineageNotice;
import io.vigil.enricher.chats.Chat;
import io.vigil.schemas.network.NetworkFacts;

import java.util.Optional;

/**
 * A detection leaving its chat's queue for assessment: its group as it was when it arrived, the network's facts (if
 * it needed and got them), and its chat's strikes and lineage as they are now.
 *
 * @param unavailable why the facts are missing although the message needed them
 */
public record ReleasedMessage(Detection detection, Optional<GroupMetadata> group, Optional<NetworkFacts> facts,
                              Optional<String> unavailable, int ownStrikes, int inheritedStrikes, Optional<LineageNotice> lineage) {

    public static ReleasedMessage of(Detection detection, Optional<GroupMetadata> group, Optional<NetworkFacts> facts,
                                     Optional<String> unavailable, Chat chat) {
        return new ReleasedMessage(detection, group, facts, unavailable, chat.state().getOwnStrikes(),
                chat.state().getInheritedStrikes(), Optional.ofNullable(chat.state().getLineage()));
    }
}
