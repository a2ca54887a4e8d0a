package io.vigil.enricher;

import io.vigil.enricher.policy.PolicyEvaluator;
import io.vigil.enricher.policy.PolicyParser;
import io.vigil.enricher.steps.ChatOutput;
import io.vigil.enricher.steps.DetectionInGroup;
import io.vigil.enricher.steps.DetectionIntake;
import io.vigil.schemas.Detection;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.network.NetworkRequestKind;
import io.vigil.schemas.network.ChatProfile;
import io.vigil.schemas.network.ChatState;
import io.vigil.schemas.network.PendingMessage;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a message's arrival on the chat side writes and whether it waits: only a message that asks the network memory
 * is queued; one that needs nothing from it is assessed at once, also while an earlier message of its chat waits.
 */
class ChatSideWaitingTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private final MockProcessorContext<String, ChatOutput> context = new MockProcessorContext<>();
    private final DetectionIntake intake = new DetectionIntake(new PolicyEvaluator(PolicyParser.defaultPolicy()),
            new EnricherStores.ChatSettings(30_000, 8), Clock.fixed(T, ZoneOffset.UTC));
    private KeyValueStore<String, PendingMessage> pending;

    @BeforeEach
    void start() {
        add(EnricherStores.CHAT_STATE, AvroSerde.of(ChatState.class));
        add(EnricherStores.CHAT_PROFILE, AvroSerde.of(ChatProfile.class));
        pending = add(EnricherStores.PENDING, AvroSerde.of(PendingMessage.class));
        add(EnricherStores.STRIKES, Serdes.Long());
        intake.init(context);
    }

    @Test
    void aMessageThatNeedsNothingFromTheNetworkIsAssessedAtOnceWhileAnEarlierOneOfItsChatWaits() {
        arrive(Messages.text("c", "number", "s1", T, true, Messages.entity(PersonalDataType.PHONE, "+34612489037")));

        assertThat(sightingsAsked()).containsExactly("number");
        assertThat(released()).as("the number waits for its facts").isEmpty();
        assertThat(pending.approximateNumEntries()).isEqualTo(1);
        context.resetForwards();

        arrive(Messages.text("c", "chatter", "s2", T.plusMillis(10), false));

        assertThat(released()).as("nothing it is assessed with depends on the number's facts").containsExactly("chatter");
        assertThat(sightingsAsked()).isEmpty();
        assertThat(pending.approximateNumEntries()).as("it wrote no queue row").isEqualTo(1);
    }

    @Test
    void aMessageThatNeedsNothingFromTheNetworkWritesNoQueueRow() {
        arrive(Messages.text("c", "hello", "s1", T, false));
        arrive(Messages.text("c", "again", "s1", T.plusMillis(10), false));

        assertThat(released()).containsExactly("hello", "again");
        assertThat(pending.approximateNumEntries()).isZero();
    }

    private <V> KeyValueStore<String, V> add(String name, Serde<V> values) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private void arrive(Detection detection) {
        intake.process(new Record<>(detection.getChatId(), new DetectionInGroup(detection, Optional.empty()), detection.getSentAt().toEpochMilli()));
    }

    private List<String> released() {
        return context.forwarded().stream().map(f -> f.record().value())
                .filter(ChatOutput.Released.class::isInstance)
                .map(out -> ((ChatOutput.Released) out).message().detection().getMessageId()).toList();
    }

    private List<String> sightingsAsked() {
        return context.forwarded().stream().map(f -> f.record().value())
                .filter(ChatOutput.ToNetwork.class::isInstance).map(out -> ((ChatOutput.ToNetwork) out).request())
                .filter(r -> r.getKind() == NetworkRequestKind.SIGHTING).map(r -> r.getSighting().getMessageId()).toList();
    }
}
