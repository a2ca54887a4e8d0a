package io.vigil.enricher;

import io.vigil.pdq.Hash256;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DecidedMedia;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.NudityScores;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.TextSignal;
import io.vigil.schemas.Visibility;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Builders of the enricher's inputs for tests: detections as the detector writes them, groups, events, decisions. */
public final class Messages {

    private Messages() {
    }

    /** An image as the detector describes it: its hashes (PDQ with its 7 variants) and, if given, its nudity scores. */
    record Image(String sha256, Hash256 pdq, List<Hash256> dihedrals, int quality) {

        static Image of(String name, Hash256 pdq) {
            return new Image(Messages.sha256(name), pdq, List.of(), 90);
        }

        /** This image turned or mirrored: its hash is the original's variant, and the original is among its variants. */
        Image mirrored(String name) {
            Hash256 flipped = pdq.xor(Hash256.ofWords(0x5555555555555555L, 0, 0x5555555555555555L, 0));
            List<Hash256> variants = new ArrayList<>();
            for (int v = 0; v < 7; v++) {
                variants.add(v == 3 ? pdq : flipped.xor(Hash256.ofWords(v + 1L, 0, 0, 0)));
            }
            return new Image(Messages.sha256(name), flipped, variants, quality);
        }

        MediaSignal signal(double explicit) {
            return MediaSignal.newBuilder().setMediaId("media-" + sha256.substring(0, 6)).setKind(MediaKind.PHOTO).setSha256(sha256)
                    .setPdq(pdq.toHex()).setPdqQuality(quality).setPdqDihedrals(dihedrals.stream().map(Hash256::toHex).toList())
                    .setNudity(explicit < 0 ? null : nudity(explicit)).build();
        }
    }

    static Detection image(String chat, String message, String sender, Instant at, Image image, double explicit) {
        return detection(chat, message, sender, at).setMedia(List.of(image.signal(explicit))).build();
    }

    static Detection text(String chat, String message, String sender, Instant at, boolean doxxing, PersonalDataEntity... entities) {
        return detection(chat, message, sender, at).setText(TextSignal.newBuilder().setDoxxing(doxxing).setScore(doxxing ? 0.91 : 0.1)
                .setFollowsImage(false).setReasons(doxxing ? List.of("targeting language about someone else") : List.of())
                .setEntities(List.of(entities)).build()).build();
    }

    static Detection.Builder detection(String chat, String message, String sender, Instant at) {
        return Detection.newBuilder().setPlatform("telegram").setChatId(chat).setMessageId(message).setSenderId(sender)
                .setSentAt(at).setDetectedAt(at);
    }

    /** A keyed hash as the detector writes it: the same for the same normalised value, whatever the writing. */
    static PersonalDataEntity entity(PersonalDataType type, String normalisedValue) {
        return PersonalDataEntity.newBuilder().setType(type).setStart(0).setEnd(9).setConfidence(0.9)
                .setKeyedHash(sha256(type + ":" + normalisedValue)).setMaskedPreview("•••").build();
    }

    static NudityScores nudity(double explicit) {
        return NudityScores.newBuilder().setModel("nsfwjs-mobilenet-v2").setScores(Map.of("porn", explicit))
                .setExplicit(explicit).setSuggestive(0).setDrawn(0).setNeutral(1 - explicit).build();
    }

    static HashMatch bankMatch(ContentCategory category, BankSource source, String provenance) {
        return HashMatch.newBuilder().setBankId("stopncii").setEntryId("e1").setCategory(category).setSource(source)
                .setSignalType(SignalType.SHA256).setDistance(0).setProvenance(provenance).build();
    }

    static GroupMetadata.Builder group(String chat, long members) {
        return GroupMetadata.newBuilder().setPlatform("telegram").setChatId(chat).setKind(ChatKind.SUPERGROUP)
                .setVisibility(Visibility.PRIVATE).setMemberCount(members).setTitle("Group " + chat).setStatus(GroupStatus.ACTIVE)
                .setUpdatedAt(Instant.EPOCH);
    }

    static GroupEvent event(String chat, GroupEventKind kind, Instant at, String actor) {
        return GroupEvent.newBuilder().setPlatform("telegram").setChatId(chat).setEventId(chat + ":" + kind + ":" + at.toEpochMilli())
                .setKind(kind).setOccurredAt(at).setActorId(actor).build();
    }

    static ModerationDecision confirm(String chat, String message, String decisionId, Instant at, Image image) {
        return ModerationDecision.newBuilder().setItemId(chat + "/" + message).setQueue("ncii").setPlatform("telegram").setChatId(chat)
                .setMessageId(message).setAction(ModerationAction.CONFIRMED_REMOVE).setModeratorId("mod-1").setDecidedAt(at)
                .setDecisionId(decisionId).setCategory(ContentCategory.NCII)
                .setMedia(List.of(DecidedMedia.newBuilder().setMediaId("media-" + image.sha256().substring(0, 6)).setSha256(image.sha256())
                        .setPdq(image.pdq().toHex()).setPdqQuality(image.quality()).build()))
                .build();
    }

    static ModerationDecision reverse(String chat, String message, String decisionId, String supersedes, Instant at) {
        return ModerationDecision.newBuilder().setItemId(chat + "/" + message).setQueue("appeals").setPlatform("telegram").setChatId(chat)
                .setMessageId(message).setAction(ModerationAction.REVERSED).setModeratorId("mod-2").setDecidedAt(at)
                .setDecisionId(decisionId).setSupersedesDecisionId(supersedes).build();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
