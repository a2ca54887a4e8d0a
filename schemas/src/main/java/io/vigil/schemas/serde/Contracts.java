package io.vigil.schemas.serde;

import io.vigil.schemas.Appeal;
import io.vigil.schemas.AppealOutcome;
import io.vigil.schemas.AuditRecord;
import io.vigil.schemas.CommandOutcome;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.IngestOffset;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.MediaWork;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.ModerationCommand;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NcmecConfirmation;
import io.vigil.schemas.NcmecReport;
import io.vigil.schemas.Notice;
import io.vigil.schemas.NoticeResponse;
import io.vigil.schemas.QueueEntry;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.StatementOfReasons;
import io.vigil.schemas.network.CaseState;
import io.vigil.schemas.network.ChatState;
import io.vigil.schemas.network.ClusterState;
import io.vigil.schemas.network.LineageState;
import io.vigil.schemas.network.NetworkFacts;
import io.vigil.schemas.network.NetworkRequest;
import io.vigil.schemas.network.NodeState;
import io.vigil.schemas.network.PendingMessage;
import io.vigil.schemas.network.RecentIdentifiers;
import io.vigil.schemas.network.RecentImage;
import io.vigil.schemas.network.StayDownDecision;
import io.vigil.schemas.network.StayDownEntry;
import org.apache.avro.specific.SpecificRecordBase;

import java.util.List;

/**
 * The top-level records that travel on Vigil's topics, including the enricher's internal topics and changelogs (its
 * state outlives a release, so its records follow the same evolution rules); each one is versioned in
 * {@link SchemaHistory}.
 */
public final class Contracts {

    public static final List<Class<? extends SpecificRecordBase>> ALL = List.of(
            MessageEvent.class, GroupMetadata.class, HashBankEntry.class, Detection.class,
            RiskAssessment.class, QueueItem.class, ModerationDecision.class, QueueEntry.class, DeadLetter.class,
            GroupEvent.class, EnforcementAction.class, ModerationCommand.class, CommandOutcome.class, AuditRecord.class,
            IngestOffset.class,
            Notice.class, NoticeResponse.class, StatementOfReasons.class, Appeal.class, AppealOutcome.class, NcmecReport.class,
            NcmecConfirmation.class,
            MediaWork.class, LineageRecord.class, NetworkRequest.class, NetworkFacts.class, PendingMessage.class, ChatState.class, ClusterState.class,
            NodeState.class, CaseState.class, RecentImage.class, RecentIdentifiers.class, LineageState.class, StayDownEntry.class, StayDownDecision.class);

    private Contracts() {
    }
}
