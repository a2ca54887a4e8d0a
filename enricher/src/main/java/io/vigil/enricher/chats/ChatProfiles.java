package io.vigil.enricher.chats;

import io.vigil.enricher.clusters.Fingerprint;
import io.vigil.enricher.lineage.SenderSketch;
import io.vigil.enricher.state.Table;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.GroupPhoto;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.LineageNotice;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.network.ChatProfile;
import io.vigil.schemas.network.ChatState;
import io.vigil.schemas.network.NetworkRequest;
import io.vigil.schemas.network.NetworkRequestKind;
import io.vigil.schemas.network.ProfilePhoto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a chat partition remembers of each of its chats, and when it tells the network task: the profile lineage
 * compares (title, owner and admins, links, photos, sender sketch, status, strikes), sent whenever a comparable
 * field changes or the sender sketch has moved enough; per message only counters change, so most messages send
 * nothing.
 */
public final class ChatProfiles {

    /** Bounds of the lists a profile keeps, so that a busy chat's profile stays a few kilobytes at most. */
    static final int MAX_POSTED_LINKS = 32;
    static final int MAX_ACTING_ADMINS = 32;
    static final int MAX_PHOTOS = 8;

    private final Table<ChatState> states;
    private final int sketchChangesToSend;
    private final int flaggedMinHarmfulItems;

    public ChatProfiles(Table<ChatState> states, int sketchChangesToSend, int flaggedMinHarmfulItems) {
        this.states = states;
        this.sketchChangesToSend = sketchChangesToSend;
        this.flaggedMinHarmfulItems = flaggedMinHarmfulItems;
    }

    public ChatState load(String chatId, String platform) {
        ChatState state = states.get(chatId);
        if (state == null) {
            state = ChatState.newBuilder().setProfile(ChatProfile.newBuilder().setPlatform(platform == null ? "" : platform)
                    .setChatId(chatId).setUpdatedAt(Instant.EPOCH).build()).build();
        } else if (state.getProfile().getPlatform().isEmpty() && platform != null) {
            state.getProfile().setPlatform(platform);
        }
        return state;
    }

    /** Writes the chat's state; returns the profile to send to the network task when lineage should look again. */
    public Optional<NetworkRequest> store(String chatId, ChatState state, Instant now) {
        long fingerprint = fingerprint(state.getProfile());
        boolean send = fingerprint != state.getSentFingerprint() || state.getSketchChanges() >= sketchChangesToSend;
        if (send) {
            state.getProfile().setUpdatedAt(now);
            state.setSentFingerprint(fingerprint);
            state.setSketchChanges(0);
        }
        states.put(chatId, state);
        return send ? Optional.of(NetworkRequest.newBuilder().setKind(NetworkRequestKind.PROFILE).setChatId(chatId)
                .setProfile(ChatProfile.newBuilder(state.getProfile()).build()).build()) : Optional.empty();
    }

    public static void onMessage(ChatState state, Detection detection, boolean harmful) {
        ChatProfile p = state.getProfile();
        if (p.getFirstSeenAt() == null || detection.getSentAt().isBefore(p.getFirstSeenAt())) {
            p.setFirstSeenAt(detection.getSentAt());
        }
        p.setItems(p.getItems() + 1);
        if (harmful) {
            p.setHarmfulItems(p.getHarmfulItems() + 1);
        }
        long[] sketch = SenderSketch.of(p.getSenderSketch());
        long[] next = SenderSketch.add(sketch, detection.getSenderId());
        if (next != sketch) {
            p.setSenderSketch(SenderSketch.toList(next));
            state.setSketchChanges(state.getSketchChanges() + 1);
        }
        if (!detection.getLinks().isEmpty()) {
            p.setPostedLinks(appendBounded(p.getPostedLinks(), detection.getLinks(), MAX_POSTED_LINKS));
        }
    }

    public static void onMetadata(ChatState state, GroupMetadata g) {
        ChatProfile p = state.getProfile();
        p.setPlatform(g.getPlatform());
        p.setTitle(g.getTitle());
        p.setUsername(g.getUsername());
        p.setKind(g.getKind());
        p.setMemberCount(g.getMemberCount());
        if (g.getCreatedAt() != null) {
            p.setCreatedAt(g.getCreatedAt());
        }
        if (g.getStatus() != GroupStatus.UNKNOWN) {
            p.setStatus(g.getStatus());
        }
        if (g.getTakenDownAt() != null) {
            p.setTakenDownAt(g.getTakenDownAt());
            p.setStatus(GroupStatus.TAKEN_DOWN);
        }
        p.setOwnerId(g.getOwnerId());
        p.setAdminIds(List.copyOf(g.getAdminIds()));
        p.setInviteLinks(List.copyOf(g.getInviteLinks()));
        p.setPreviousChatIds(List.copyOf(g.getPreviousChatIds()));
        p.setPlatformStrikes(g.getStrikeCount());
    }

    public static void onEvent(ChatState state, GroupEvent e) {
        ChatProfile p = state.getProfile();
        if (p.getPlatform().isEmpty()) {
            p.setPlatform(e.getPlatform());
        }
        switch (e.getKind()) {
            case CREATED -> {
                if (p.getCreatedAt() == null) {
                    p.setCreatedAt(e.getOccurredAt());
                }
                if (p.getOwnerId() == null && e.getActorId() != null) {
                    p.setOwnerId(e.getActorId());
                }
                if (e.getTitle() != null && p.getTitle() == null) {
                    p.setTitle(e.getTitle());
                }
            }
            case TITLE_CHANGED -> {
                if (e.getTitle() != null) {
                    p.setTitle(e.getTitle());
                }
                actedAsAdmin(p, e);
            }
            case PHOTO_CHANGED -> {
                GroupPhoto photo = e.getPhoto();
                if (photo != null && (photo.getSha256() != null || photo.getPdq() != null)) {
                    ProfilePhoto kept = ProfilePhoto.newBuilder().setSha256(photo.getSha256()).setPdq(photo.getPdq())
                            .setPdqQuality(photo.getPdqQuality()).build();
                    p.setPhotos(appendBounded(p.getPhotos(), List.of(kept), MAX_PHOTOS));
                }
                actedAsAdmin(p, e);
            }
            case PHOTO_DELETED, MESSAGE_PINNED -> actedAsAdmin(p, e);
            case MIGRATED_TO -> {
                p.setMigratedToChatId(e.getRelatedChatId());
                p.setStatus(GroupStatus.MIGRATED);
            }
            case MIGRATED_FROM -> p.setMigratedFromChatId(e.getRelatedChatId());
            case TAKEN_DOWN -> {
                p.setStatus(GroupStatus.TAKEN_DOWN);
                if (p.getTakenDownAt() == null) {
                    p.setTakenDownAt(e.getOccurredAt());
                }
            }
            default -> {
                // members joining or leaving say nothing lineage compares beyond who later posts (the sender sketch)
            }
        }
        if (p.getFirstSeenAt() == null || e.getOccurredAt().isBefore(p.getFirstSeenAt())) {
            p.setFirstSeenAt(e.getOccurredAt());
        }
        if (!e.getLinks().isEmpty()) {
            p.setPostedLinks(appendBounded(p.getPostedLinks(), e.getLinks(), MAX_POSTED_LINKS));
        }
    }

    /** Renaming, changing the photo and pinning are what admins do; whoever does them counts as one. */
    private static void actedAsAdmin(ChatProfile p, GroupEvent e) {
        if (e.getActorId() != null) {
            p.setActingAdminIds(appendBounded(p.getActingAdminIds(), List.of(e.getActorId()), MAX_ACTING_ADMINS));
        }
    }

    /** Takes a lineage record for this chat; keeps the strongest (a re-creation before a migration at equal score). */
    public static boolean onLineage(ChatState state, LineageRecord record) {
        LineageNotice current = state.getLineage();
        boolean samePair = current != null && current.getPredecessorChatId().equals(record.getPredecessorChatId())
                && current.getRelation().equals(record.getRelation());
        boolean stronger = current == null || record.getScore() > current.getScore()
                || record.getScore() == current.getScore() && record.getRelation().equals("recreation");
        if (!samePair && !stronger) {
            return false;
        }
        state.setLineage(LineageNotice.newBuilder().setPredecessorChatId(record.getPredecessorChatId())
                .setPredecessorTitle(record.getPredecessorTitle()).setPredecessorTakenDownAt(record.getPredecessorTakenDownAt())
                .setRelation(record.getRelation()).setScore(record.getScore())
                .setEvidence(record.getEvidence().stream().map(e -> e.getDescription()).toList())
                .setInheritedStrikes(record.getInheritedStrikes()).setSummary(record.getSummary()).build());
        state.getProfile().setInheritedStrikes(record.getInheritedStrikes());
        return true;
    }

    private long fingerprint(ChatProfile p) {
        // What lineage compares; counters only where they cross the line that makes a chat a possible predecessor.
        long harmfulBucket = Math.min(p.getHarmfulItems(), flaggedMinHarmfulItems)
                + (p.getHarmfulItems() > flaggedMinHarmfulItems ? 64 - Long.numberOfLeadingZeros(p.getHarmfulItems()) : 0);
        return Fingerprint.of(String.join("|", Objects.toString(p.getTitle()), Objects.toString(p.getUsername()),
                Objects.toString(p.getCreatedAt()), Objects.toString(p.getFirstSeenAt() == null ? null : "seen"), p.getStatus().name(),
                Objects.toString(p.getTakenDownAt()), Objects.toString(p.getOwnerId()), p.getAdminIds().toString(),
                p.getActingAdminIds().toString(), p.getInviteLinks().toString(), p.getPostedLinks().toString(), p.getPhotos().toString(),
                p.getPreviousChatIds().toString(), Objects.toString(p.getMigratedFromChatId()), Objects.toString(p.getMigratedToChatId()),
                Integer.toString(p.getPlatformStrikes()), Integer.toString(p.getVigilStrikes()), Integer.toString(p.getInheritedStrikes()),
                Long.toString(harmfulBucket)));
    }

    /** {@code list} with {@code added} appended (no repeats), keeping the most recent {@code max}. */
    static <T> List<T> appendBounded(List<T> list, List<T> added, int max) {
        Set<T> all = new LinkedHashSet<>(list);
        for (T item : added) {
            all.remove(item);
            all.add(item);
        }
        List<T> kept = new ArrayList<>(all);
        return List.copyOf(kept.subList(Math.max(0, kept.size() - max), kept.size()));
    }
}
