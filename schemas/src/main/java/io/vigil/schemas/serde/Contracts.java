package io.vigil.schemas.serde;

import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.MediaWork;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import org.apache.avro.specific.SpecificRecordBase;

import java.util.List;

/** The top-level records that travel on Vigil's topics; each one is versioned in {@link SchemaHistory}. */
public final class Contracts {

    public static final List<Class<? extends SpecificRecordBase>> ALL = List.of(
            MessageEvent.class, GroupMetadata.class, HashBankEntry.class, Detection.class,
            RiskAssessment.class, QueueItem.class, ModerationDecision.class, QueueEntry.class, DeadLetter.class,
            GroupEvent.class, EnforcementAction.class, ModerationCommand.class, CommandOutcome.class, AuditRecord.class,
            MediaWork.class);

    private Contracts() {
    }
}
