package io.vigil.enricher.policy;

import io.vigil.schemas.ChatKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.Visibility;

/** What the policy may know about the group a message was posted in. */
public record GroupFacts(ChatKind kind, Visibility visibility, long memberCount, int strikeCount) {

    public static GroupFacts of(GroupMetadata group) {
        return new GroupFacts(group.getKind(), group.getVisibility(), group.getMemberCount(), group.getStrikeCount());
    }
}
