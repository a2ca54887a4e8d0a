package io.vigil.benchmarks.enricher;

import io.vigil.pdq.Hash256;
import io.vigil.pdq.testing.RandomHashes;
import io.vigil.schemas.Detection;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.NudityScores;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.TextSignal;
import io.vigil.schemas.serde.AvroSerde;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Detections as the detector writes them, in a mix of a large group chat's traffic: mostly chatter, photos (new
 * ones, exact re-posts and re-encoded copies of images already clustered), numbers and handles (half of them known
 * to a case), and the documented photo-plus-number pattern. Serialized up front: decoding is part of each run.
 */
final class MessageMix {

    enum Kind {
        CHATTER(0.55), IDENTIFIERS(0.10), NEW_IMAGE(0.15), EXACT_COPY(0.10), NEAR_COPY(0.05), IMAGE_AND_NUMBER(0.05);

        final double share;

        Kind(double share) {
            this.share = share;
        }
    }

    record Message(Kind kind, String chatId, byte[] detection) {
    }

    private static final AvroSerde<Detection> SERDE = AvroSerde.of(Detection.class);

    private final int clusters;
    private final int identifiers;
    private final int chats;
    private final Random random;
    private int next;

    MessageMix(int clusters, int identifiers, int chats, long seed) {
        this.clusters = clusters;
        this.identifiers = identifiers;
        this.chats = chats;
        this.random = new Random(seed);
    }

    List<Message> next(int count, Kind only) {
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Kind kind = only != null ? only : draw();
            String chat = NetworkStatePreload.chatId(random.nextInt(chats));
            Detection d = detection(kind, chat, "m" + next++);
            messages.add(new Message(kind, chat, SERDE.serialize("detections", d)));
        }
        return messages;
    }

    private Kind draw() {
        double x = random.nextDouble();
        for (Kind k : Kind.values()) {
            x -= k.share;
            if (x < 0) {
                return k;
            }
        }
        return Kind.CHATTER;
    }

    private Detection detection(Kind kind, String chat, String id) {
        Detection.Builder d = Detection.newBuilder().setPlatform("telegram").setChatId(chat).setMessageId(id)
                .setSenderId("u" + random.nextInt(200_000)).setSentAt(Instant.parse("2026-03-01T00:00:00Z").plusMillis(next * 50L))
                .setDetectedAt(Instant.parse("2026-03-01T00:00:00Z"));
        switch (kind) {
            case CHATTER -> d.setText(text(false));
            case IDENTIFIERS -> d.setText(text(random.nextBoolean(), identifier()));
            case NEW_IMAGE -> d.setMedia(List.of(image(NetworkStatePreload.sha256("new-" + id), RandomHashes.random(random))));
            case EXACT_COPY -> {
                int founder = random.nextInt(clusters);
                d.setMedia(List.of(image(NetworkStatePreload.founderSha(founder), NetworkStatePreload.founderPdq(founder))));
            }
            case NEAR_COPY -> {
                int founder = random.nextInt(clusters);
                d.setMedia(List.of(image(NetworkStatePreload.sha256("copy-" + id),
                        RandomHashes.near(NetworkStatePreload.founderPdq(founder), 4 + random.nextInt(16), random))));
            }
            case IMAGE_AND_NUMBER -> {
                d.setMedia(List.of(image(NetworkStatePreload.sha256("new-" + id), RandomHashes.random(random))));
                d.setText(text(true, identifier()));
            }
        }
        return d.build();
    }

    private PersonalDataEntity identifier() {
        String hash = random.nextBoolean() ? NetworkStatePreload.identifierHash(random.nextInt(identifiers))
                : NetworkStatePreload.sha256("fresh-" + random.nextLong());
        return PersonalDataEntity.newBuilder().setType(PersonalDataType.PHONE).setStart(10).setEnd(22).setConfidence(0.9)
                .setKeyedHash(hash).setMaskedPreview("+34 6•• ••• •37").build();
    }

    private static TextSignal text(boolean doxxing, PersonalDataEntity... entities) {
        return TextSignal.newBuilder().setDoxxing(doxxing).setScore(doxxing ? 0.9 : 0.05)
                .setReasons(doxxing ? List.of("targeting language about someone else") : List.of()).setEntities(List.of(entities)).build();
    }

    private MediaSignal image(String sha, Hash256 pdq) {
        List<String> dihedrals = new ArrayList<>(7);
        for (int v = 0; v < 7; v++) {
            dihedrals.add(RandomHashes.random(random).toHex());
        }
        double explicit = random.nextDouble();
        return MediaSignal.newBuilder().setMediaId("f" + sha.substring(0, 12)).setKind(MediaKind.PHOTO).setSha256(sha)
                .setMd5(sha.substring(0, 32)).setPdq(pdq.toHex()).setPdqQuality(80 + random.nextInt(21)).setPdqDihedrals(dihedrals)
                .setNudity(NudityScores.newBuilder().setModel("nsfwjs-mobilenet-v2").setScores(Map.of("porn", explicit)).setExplicit(explicit)
                        .setSuggestive(0).setDrawn(0).setNeutral(1 - explicit).build())
                .build();
    }
}
