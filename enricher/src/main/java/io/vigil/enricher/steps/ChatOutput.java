package io.vigil.enricher.steps;

import io.vigil.schemas.network.NetworkRequest;

/** What the chat-side steps pass on: a request to the network task, or a message ready to be assessed. */
public sealed interface ChatOutput {

    record ToNetwork(NetworkRequest request) implements ChatOutput {
    }

    record Released(ReleasedMessage message) implements ChatOutput {
    }
}
