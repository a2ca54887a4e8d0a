package io.vigil.sink.work;

import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.evidence.ReasonCodes;

/**
 * What brought an item to a moderator: Vigil's detection (its risk reasons), notices (DSA Art. 16), or an appeal.
 * A statement of reasons says whether the content was detected by automated means (Art. 17(3)(c)): only Vigil's own
 * reasons count as that.
 */
public final class EvidenceKinds {

    private EvidenceKinds() {
    }

    public static boolean detectedByVigil(QueueItem item) {
        for (RiskReason reason : item.getReasons()) {
            if (!ReasonCodes.NOT_DETECTION.contains(reason.getCode())) {
                return true;
            }
        }
        return false;
    }
}
