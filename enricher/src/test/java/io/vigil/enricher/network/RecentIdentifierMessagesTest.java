package io.vigil.enricher.network;

import io.vigil.enricher.testing.MemoryTable;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.network.MessageSighting;
import io.vigil.schemas.network.RecentIdentifiers;
import io.vigil.schemas.network.RememberedMessage;
import io.vigil.schemas.network.SightedIdentifier;
import io.vigil.schemas.serde.AvroSerde;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bounds of what the network task remembers of a sender's identifiers: how many, for how long, how large. */
class RecentIdentifierMessagesTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final MemoryTable<RecentIdentifiers> table = new MemoryTable<>();
    private final RecentIdentifierMessages recent = new RecentIdentifierMessages(table, WINDOW);

    @Test
    void aFloodingSenderKeepsAtMostSixteenIdentifiersTheNewestBySentAt() {
        for (int m = 0; m < 40; m++) {
            recent.remember("a", sighting("m" + m, T.plusSeconds(m)), identifiers(m, 3), null, NOW);
        }
        List<RememberedMessage> kept = table.get("a\u001fs").getMessages();

        assertThat(kept.stream().mapToInt(m -> m.getIdentifiers().size()).sum()).isLessThanOrEqualTo(RecentIdentifierMessages.MAX_IDENTIFIERS);
        assertThat(kept).extracting(RememberedMessage::getMessageId).containsExactly("m35", "m36", "m37", "m38", "m39");
        // At the bound a row is a couple of kilobytes: 16 keyed hashes of 64 hex digits and each message's own fields.
        byte[] value = AvroSerde.of(RecentIdentifiers.class).serializer().serialize("recent-identifiers", table.get("a\u001fs"));
        assertThat(value.length).isLessThan(2_500);
    }

    @Test
    void aMessageWithMoreIdentifiersThanTheBoundKeepsTheFirstSixteen() {
        recent.remember("a", sighting("m", T), identifiers(0, 40), null, NOW);

        assertThat(table.get("a\u001fs").getMessages()).singleElement()
                .satisfies(m -> assertThat(m.getIdentifiers()).hasSize(RecentIdentifierMessages.MAX_IDENTIFIERS));
    }

    @Test
    void onlyMessagesWithinTheWindowOfTheImageBeforeOrAfterItAreReturned() {
        recent.remember("a", sighting("early", T.minus(Duration.ofMinutes(11))), identifiers(1, 1), null, NOW);
        recent.remember("a", sighting("before", T.minus(Duration.ofMinutes(10))), identifiers(2, 1), null, NOW);
        recent.remember("a", sighting("after", T.plus(Duration.ofMinutes(3))), identifiers(3, 1), null, NOW);
        recent.remember("a", sighting("late", T.plus(Duration.ofMinutes(12))), identifiers(4, 1), null, NOW);

        assertThat(recent.around("a", "s", T, NOW)).extracting(RememberedMessage::getMessageId).containsExactly("before", "after");
        assertThat(recent.around("a", "other", T, NOW)).isEmpty();
        assertThat(recent.around("b", "s", T, NOW)).isEmpty();
    }

    @Test
    void whatTheNetworkTaskSawAWindowAgoIsForgottenWhateverItsSentAt() {
        recent.remember("a", sighting("old", T), identifiers(1, 1), null, NOW);
        recent.remember("b", sighting("new", T), identifiers(2, 1), null, NOW.plus(Duration.ofMinutes(8)));

        assertThat(recent.around("a", "s", T, NOW.plus(Duration.ofMinutes(11)))).as("past the window at read").isEmpty();
        recent.forgetSeenBefore(NOW.plus(Duration.ofMinutes(11)).minus(WINDOW));

        assertThat(table.get("a\u001fs")).isNull();
        assertThat(table.get("b\u001fs")).isNotNull();
    }

    @Test
    void theCaseAMessageIsCountedInIsRecorded() {
        recent.remember("a", sighting("m", T), identifiers(1, 1), null, NOW);
        recent.counted("a", "s", "m", "case-1");

        assertThat(recent.around("a", "s", T, NOW)).singleElement().satisfies(m -> assertThat(m.getCaseId()).isEqualTo("case-1"));
    }

    private static MessageSighting sighting(String messageId, Instant sentAt) {
        return MessageSighting.newBuilder().setMessageId(messageId).setSeq(0).setSenderId("s").setSentAt(sentAt).setMembers(1_000)
                .setMedia(List.of()).setIdentifiers(List.of()).setHarmful(true).setSeverity(0.8)
                .setCategories(List.of(ContentCategory.DOXXING)).build();
    }

    private static List<SightedIdentifier> identifiers(int seed, int count) {
        List<SightedIdentifier> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(SightedIdentifier.newBuilder().setType(PersonalDataType.PHONE)
                    .setKeyedHash(String.format("%064x", (long) seed * 1_000 + i)).build());
        }
        return list;
    }
}
