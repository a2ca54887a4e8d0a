package io.vigil.detector;

import io.vigil.pdq.matching.PdqMatchPolicy;
import io.vigil.schemas.AppliedLimit;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.DeadLetter;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.TextEntity;
import io.vigil.schemas.Visibility;
import io.vigil.schemas.serde.AvroSerde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.vigil.detector.DetectorTopologyTest.T0;
import static io.vigil.detector.DetectorTopologyTest.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one message may cost the detector is bounded, and every bound that is reached is recorded in the Detection
 * rather than cut silently; inputs that no platform produces are dead letters with their reason.
 */
class DetectorBoundsTest {

    /** A fictional Spanish mobile number, as the doxxing groups post them. */
    private static final String NUMBER = "612 34 56 78";

    @TempDir
    Path blobRoot;

    private DetectorHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aQuarterMegabyteOfPhoneNumbersIsScannedUpToTheTextLimitAndTheDetectionSaysWhatWasCut() {
        harness = new DetectorHarness(blobRoot, PdqMatchPolicy.defaults(), false);
        spanishGroup("chat-es");
        MessageEvent bomb = message("chat-es", "bomb");
        bomb.setText((NUMBER + ", ").repeat(18_000));

        harness.events.pipeInput("chat-es", bomb);
        harness.events.pipeInput("chat-es", withText(message("chat-es", "next"), "hola"));

        List<Detection> out = harness.detections.readValuesToList();
        assertThat(out).extracting(Detection::getMessageId).containsExactly("bomb", "next");
        Detection detection = out.get(0);
        assertThat(detection.getLimits()).extracting(AppliedLimit::getCode).containsExactly("text_truncated", "entities_trimmed");
        assertThat(detection.getLimits().get(0).getDetail()).isEqualTo("scanned the first 16384 of 252000 characters");
        assertThat(detection.getLimits().get(1).getDetail()).startsWith("kept the first 200 of ");
        assertThat(detection.getText().getEntities()).hasSize(200);
        assertThat(detection.getText().getDoxxing()).isTrue();
        assertThat(AvroSerde.of(Detection.class).serialize("detections", detection).length).isLessThan(250_000);
        assertThat(harness.registry.counter("vigil.limits.applied", "limit", "text_truncated").count()).isEqualTo(1);
    }

    @Test
    void aDetectionOverTheRecordBudgetIsTrimmedAndSaysSoInsteadOfBeingLost() {
        harness = new DetectorHarness(blobRoot, PdqMatchPolicy.defaults(), false,
                new DetectorConfig.Limits(16_384, 1_000, 100_000_000L, 20_000));
        spanishGroup("chat-es");

        harness.events.pipeInput("chat-es", withText(message("chat-es", "many"), (NUMBER + ", ").repeat(1_000)));

        Detection detection = harness.detections.readValue();
        byte[] encoded = AvroSerde.of(Detection.class).serialize("detections", detection);
        assertThat(encoded.length).isLessThanOrEqualTo(20_000 + 1_000);
        AppliedLimit trimmed = detection.getLimits().get(detection.getLimits().size() - 1);
        assertThat(trimmed.getCode()).isEqualTo("record_trimmed");
        assertThat(trimmed.getDetail()).contains("over the 20000-byte budget: kept " + detection.getText().getEntities().size() + " of ");
        assertThat(detection.getText().getEntities().size()).isLessThan(1_000).isPositive();
        assertThat(harness.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void imagesBeyondTheMessagesPixelBudgetKeepTheirExactHashesAndAreRecordedAsNotDecoded() {
        harness = new DetectorHarness(blobRoot, PdqMatchPolicy.defaults(), false,
                new DetectorConfig.Limits(16_384, 200, 1_000_000L, 250_000));
        byte[] png = png(800, 600);

        harness.events.pipeInput("c", message("c", "album", photo("a", png), photo("b", png), photo("c", png)));

        Detection detection = harness.detections.readValue();
        List<MediaSignal> media = detection.getMedia();
        assertThat(media.get(0).getPdq()).isNotNull();
        assertThat(media.get(1).getPdq()).isNotNull();
        assertThat(media.get(2).getPdq()).isNull();
        assertThat(media.get(2).getSha256()).isNotNull();
        assertThat(media.get(2).getSkipped()).extracting(s -> s.getStep()).containsExactly("message_pixel_budget");
        assertThat(detection.getLimits()).extracting(AppliedLimit::getCode).containsExactly("message_pixel_budget");
        assertThat(detection.getLimits().get(0).getDetail())
                .isEqualTo("1 of 3 media items not decoded: the message's images exceed 1000000 pixels");
    }

    @Test
    void eventsNoPlatformProducesAreDeadLetteredWithTheirReasonAndTheNextMessageFlows() {
        harness = new DetectorHarness(blobRoot, PdqMatchPolicy.defaults(), false);
        MessageEvent ancient = message("c", "ancient");
        ancient.setSentAt(Instant.parse("1970-01-01T00:00:01Z"));
        MessageEvent future = message("c", "future");
        future.setSentAt(Instant.now().plusSeconds(3 * 24 * 3600));
        MessageEvent outside = withText(message("c", "outside"), "hola");
        outside.setEntities(List.of(new TextEntity("bold", 2, 50, null)));
        MessageEvent tooMany = withText(message("c", "entities"), "hola");
        List<TextEntity> entities = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            entities.add(new TextEntity("bold", 0, 1, null));
        }
        tooMany.setEntities(entities);
        MessageEvent longId = message("c", "x".repeat(10_000));

        for (MessageEvent event : List.of(ancient, future, outside, tooMany, longId)) {
            harness.events.pipeInput("c", event);
        }
        harness.events.pipeInput("c", withText(message("c", "good"), "hola"));

        assertThat(harness.deadLetters.readValuesToList()).extracting(DeadLetter::getReason).satisfiesExactly(
                r -> assertThat(r).startsWith("implausible_timestamp: "),
                r -> assertThat(r).startsWith("implausible_timestamp: "),
                r -> assertThat(r).isEqualTo("invalid_entities: a text entity spans 2+50, outside the text of 4 characters"),
                r -> assertThat(r).isEqualTo("invalid_entities: message event declares 5000 text entities for a text of 4 characters"),
                r -> assertThat(r).isEqualTo("invalid_message_id: message event's message id is 10000 characters, more than the 256 an id can have"));
        assertThat(harness.detections.readValuesToList()).extracting(Detection::getMessageId).containsExactly("good");
    }

    @Test
    void groupMetadataKeyedByAnotherChatIsRefusedAndLeavesTheGroupAsItWas() {
        harness = new DetectorHarness(blobRoot, PdqMatchPolicy.defaults(), false);
        spanishGroup("chat-es");
        harness.groups.pipeInput("chat-es", GroupMetadata.newBuilder(group("chat-other")).setCountryHint("DE").build());

        harness.events.pipeInput("chat-es", withText(message("chat-es", "m"), "su número es " + NUMBER));

        assertThat(harness.deadLetters.readValue().getReason()).isEqualTo("key_not_chat_id: group metadata must be keyed by its chat id");
        // Read with the Spanish group's country: the national number is found.
        assertThat(harness.detections.readValue().getText().getEntities()).hasSize(1);
    }

    @Test
    void aBlobLinkThatLeadsOutOfTheRootIsRefused(@TempDir Path outside) throws Exception {
        harness = new DetectorHarness(blobRoot, PdqMatchPolicy.defaults(), false);
        Files.writeString(outside.resolve("secret.txt"), "not for the detector");
        Files.createSymbolicLink(blobRoot.resolve("innocent.jpg"), outside.resolve("secret.txt"));
        MediaItem viaLink = MediaItem.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO).setBlobUri("file:///innocent.jpg").build();
        MediaItem encoded = MediaItem.newBuilder().setMediaId("b").setKind(MediaKind.PHOTO).setBlobUri("file:///%2e%2e/%2e%2e/etc/passwd").build();
        MediaItem withHost = MediaItem.newBuilder().setMediaId("c").setKind(MediaKind.PHOTO).setBlobUri("file://other-host/etc/passwd").build();
        MediaItem nul = MediaItem.newBuilder().setMediaId("d").setKind(MediaKind.PHOTO).setBlobUri("file:///a%00b.jpg").build();

        harness.events.pipeInput("c", message("c", "m", viaLink, encoded, withHost, nul));

        assertThat(harness.detections.readValue().getMedia()).extracting(m -> m.getErrors().get(0).getCode())
                .containsExactly("blob_outside_root", "blob_outside_root", "bad_uri", "bad_uri");
    }

    private void spanishGroup(String chat) {
        harness.groups.pipeInput(chat, group(chat));
    }

    private static GroupMetadata group(String chat) {
        return GroupMetadata.newBuilder().setPlatform("telegram").setChatId(chat).setKind(ChatKind.SUPERGROUP)
                .setVisibility(Visibility.PRIVATE).setMemberCount(9000).setCountryHint("ES").setUpdatedAt(T0).build();
    }

    private static MessageEvent withText(MessageEvent event, String text) {
        event.setText(text);
        return event;
    }

    private static MediaItem photo(String id, byte[] bytes) {
        return MediaItem.newBuilder().setMediaId(id).setKind(MediaKind.PHOTO).setMime("image/png")
                .setInlineBytes(ByteBuffer.wrap(bytes)).build();
    }

    /** A benign synthetic picture: two rectangles on a gradient. */
    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.BLUE, width, height, Color.ORANGE));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 5, height / 4, width / 3, height / 3);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
