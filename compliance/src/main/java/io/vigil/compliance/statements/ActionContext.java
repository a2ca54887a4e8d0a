package io.vigil.compliance.statements;

import io.vigil.schemas.EnforcementAction;
import io.vigil.schemas.NoticeReporterType;
import io.vigil.schemas.QueueItem;

import java.util.Optional;
import java.util.Set;

/**
 * What a statement of reasons is drafted from: the enforcement action, the queue item the moderator decided on (what
 * the content was: media kinds, when it was posted), and who sent the notices the decision answers.
 */
public record ActionContext(EnforcementAction action, Optional<QueueItem> item, Set<NoticeReporterType> noticeSources) {

    public ActionContext {
        noticeSources = Set.copyOf(noticeSources);
    }
}
