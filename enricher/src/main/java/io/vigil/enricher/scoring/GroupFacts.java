package io.vigil.enricher.scoring;

import io.vigil.schemas.ChatKind;
import io.vigil.schemas.Visibility;

/** What the scorer needs to know about the group a message was posted in. */
public record GroupFacts(ChatKind kind, Visibility visibility, long memberCount, int strikeCount) {
}
