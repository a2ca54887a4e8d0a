package io.vigil.detector;

import io.vigil.detector.banks.BankKeys;
import io.vigil.pdq.Hash256;
import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Detection;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.TextEntity;
import io.vigil.detector.hashing.Digests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the detector passes on for the enricher's network memory: dihedral PDQ variants, chat links, stay-down provenance. */
class DetectorNetworkInputsTest {

    private static final String PHOTO = "photo_like_1280x960.jpg";

    @TempDir
    Path blobRoot;

    private DetectorHarness harness;

    @BeforeEach
    void start() {
        harness = new DetectorHarness(blobRoot, new PdqMatchPolicy(31, true, 50), false);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void anImageCarriesItsSevenTurnedAndMirroredPdqVariantsInTheReferencesOrder() {
        harness.events.pipeInput("c", message("m1", null, photo("a", fixture(PHOTO))));

        MediaSignal signal = harness.detections.readValue().getMedia().get(0);
        String[] reference = referenceDihedrals(PHOTO);
        assertThat(signal.getPdqDihedrals()).hasSize(7);
        for (int v = 0; v < 7; v++) {
            // The detector's fast luminance decode stays within 2 bits of the reference (docs/benchmarks.md, PDQ).
            assertThat(Hash256.fromHex(signal.getPdqDihedrals().get(v)).distance(Hash256.fromHex(reference[v + 1])))
                    .as("variant %d", v + 1).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void chatLinksInTheTextAndBehindLinkEntitiesAreKeptAsTheirTargetOnly() {
        MessageEvent event = message("m2", "nuevo grupo aquí https://t.me/+AbCdEf123456 o t.me/ReservaChat/15, no t.me/ab", null);
        event.setEntities(List.of(TextEntity.newBuilder().setType("text_link").setOffset(0).setLength(5)
                .setUrl("https://telegram.me/joinchat/XyZ987654321").build()));
        harness.events.pipeInput("c", event);

        assertThat(harness.detections.readValue().getLinks()).containsExactly(
                "https://t.me/+AbCdEf123456", "https://t.me/reservachat", "https://t.me/joinchat/XyZ987654321");
    }

    @Test
    void aMatchOfAStayDownEntryCarriesTheEntrysProvenance() {
        byte[] bytes = "benign synthetic bytes confirmed by a moderator".getBytes(StandardCharsets.UTF_8);
        String sha = Digests.sha256Hex(bytes);
        String provenance = "confirmed by a moderator on 2026-03-02 in chat \"A\" (-1001)";
        HashBankEntry entry = HashBankEntry.newBuilder().setBankId("vigil-confirmed-ncii").setEntryId("d-1:a")
                .setCategory(ContentCategory.NCII).setSource(BankSource.PLATFORM).setSignalType(SignalType.SHA256)
                .setValue(sha).setMetadata(Map.of("provenance", provenance, "decision_id", "d-1")).setAddedAt(Instant.EPOCH).build();
        harness.bank.pipeInput(BankKeys.keyOf(entry), entry);

        harness.events.pipeInput("c", message("m3", null, photo("a", bytes)));

        HashMatch match = harness.detections.readValue().getMedia().get(0).getMatches().get(0);
        assertThat(match.getSource()).isEqualTo(BankSource.PLATFORM);
        assertThat(match.getProvenance()).isEqualTo(provenance);
    }

    @Test
    void aPhoneNumberWrittenThreeWaysHasOneKeyedHashSoTheEnricherLinksThem() {
        harness.groups.pipeInput("c", io.vigil.schemas.GroupMetadata.newBuilder().setPlatform("telegram").setChatId("c")
                .setKind(io.vigil.schemas.ChatKind.SUPERGROUP).setVisibility(io.vigil.schemas.Visibility.PRIVATE).setMemberCount(10)
                .setCountryHint("ES").setUpdatedAt(Instant.EPOCH).build());
        for (String written : List.of("su número es +34 612 48 90 37", "su número es 6 1 2 4 8 9 0 3 7", "su número: +34612489037")) {
            harness.events.pipeInput("c", message("m-" + written.hashCode(), written, null));
        }

        List<String> hashes = harness.detections.readValuesToList().stream()
                .map(d -> d.getText().getEntities().stream().filter(e -> e.getType() == io.vigil.schemas.PersonalDataType.PHONE)
                        .map(io.vigil.schemas.PersonalDataEntity::getKeyedHash).toList())
                .map(list -> list.size() == 1 ? list.get(0) : "phones found: " + list.size()).toList();
        assertThat(hashes).hasSize(3).doesNotContain("phones found: 0");
        assertThat(hashes.stream().distinct()).hasSize(1);
    }

    private static MessageEvent message(String id, String text, MediaItem media) {
        return MessageEvent.newBuilder().setPlatform("telegram").setChatId("c").setMessageId(id).setSenderId("s")
                .setSentAt(DetectorTopologyTest.T0).setText(text).setMedia(media == null ? List.of() : List.of(media)).build();
    }

    private static MediaItem photo(String id, byte[] bytes) {
        return MediaItem.newBuilder().setMediaId(id).setKind(MediaKind.PHOTO).setMime("image/jpeg")
                .setInlineBytes(ByteBuffer.wrap(bytes)).build();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = DetectorNetworkInputsTest.class.getResourceAsStream("/pdq/images/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] referenceDihedrals(String name) {
        try (InputStream in = DetectorNetworkInputsTest.class.getResourceAsStream("/pdq/dihedral.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(l -> l.split("\t"))
                    .filter(f -> f[0].equals(name)).findFirst().map(f -> Arrays.copyOfRange(f, 1, f.length)).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
