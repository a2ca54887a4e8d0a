package io.vigil.enricher.steps;

import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.policy.PolicyEvaluator;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.network.MessageSighting;
import io.vigil.schemas.network.SightedIdentifier;
import io.vigil.schemas.network.SightedMedia;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The part of a detection the network memory needs: media hashes and the keyed hashes of linkable identifiers. */
final class MessageSightings {

    private MessageSightings() {
    }

    /** Empty when the message has nothing the network memory keeps (no hashed media, no linkable identifier). */
    static Optional<MessageSighting> of(Detection d, Optional<GroupMetadata> group, PolicyEvaluator.Verdict verdict, Policy.Cases cases) {
        List<SightedMedia> media = new ArrayList<>();
        for (int i = 0; i < d.getMedia().size(); i++) {
            MediaSignal m = d.getMedia().get(i);
            if (m.getSha256() != null || m.getMd5() != null || m.getPdq() != null) {
                media.add(SightedMedia.newBuilder().setIndex(i).setSha256(m.getSha256()).setMd5(m.getMd5()).setPdq(m.getPdq())
                        .setPdqQuality(m.getPdqQuality()).setPdqDihedrals(m.getPdqDihedrals()).build());
            }
        }
        Set<SightedIdentifier> identifiers = new LinkedHashSet<>();
        if (d.getText() != null) {
            for (PersonalDataEntity e : d.getText().getEntities()) {
                if (cases.strongIdentifiers().contains(e.getType()) || cases.weakIdentifiers().contains(e.getType())) {
                    identifiers.add(SightedIdentifier.newBuilder().setType(e.getType()).setKeyedHash(e.getKeyedHash()).build());
                }
            }
        }
        if (media.isEmpty() && identifiers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MessageSighting.newBuilder().setMessageId(d.getMessageId()).setSeq(-1).setSenderId(d.getSenderId())
                .setSentAt(d.getSentAt()).setForwardedFromChatId(d.getForwardedFromChatId())
                .setMembers(group.map(GroupMetadata::getMemberCount).orElse(0L)).setMedia(media)
                .setIdentifiers(new ArrayList<>(identifiers)).setHarmful(verdict.harmful()).setSeverity(verdict.severity())
                .setCategories(new ArrayList<>(verdict.categories())).build());
    }
}
