package io.vigil.sink.steps;

import io.vigil.runtime.errors.RejectedRecordException;
import io.vigil.schemas.ModerationDecision;

/**
 * A decision must be keyed by its chat: the queue item it closes lives in that chat's partition, and a decision keyed
 * otherwise would land in another partition's state, never close its item, and leave a stray entry there.
 */
public final class DecisionValidation {

    public ModerationDecision check(String key, ModerationDecision decision) {
        if (decision == null) {
            throw new RejectedRecordException("tombstone", "a moderation decision cannot be deleted with a tombstone");
        }
        if (key == null || !key.equals(decision.getChatId())) {
            throw new RejectedRecordException("key_not_chat_id", "moderation decision must be keyed by its chat id");
        }
        if (decision.getItemId() == null || decision.getItemId().isBlank()) {
            throw new RejectedRecordException("missing_item_id", "moderation decision names no queue item");
        }
        return decision;
    }
}
