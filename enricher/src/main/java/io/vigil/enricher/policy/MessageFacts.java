package io.vigil.enricher.policy;

import io.vigil.enricher.evidence.Finding;
import io.vigil.schemas.TextSignal;

import java.util.List;
import java.util.Optional;

/** Everything a policy's conditions read about one message. */
public record MessageFacts(List<Finding> findings, Optional<GroupFacts> group, boolean forwarded, Optional<TextSignal> text,
                           NetworkView network) {

    public MessageFacts {
        findings = List.copyOf(findings);
    }

    public MessageFacts withNetwork(NetworkView view) {
        return new MessageFacts(findings, group, forwarded, text, view);
    }
}
