package io.vigil.enricher.chats;

import io.vigil.enricher.lineage.LineageScorer;
import io.vigil.enricher.lineage.ProfileFingerprint;
import io.vigil.enricher.lineage.SenderSketch;
import io.vigil.enricher.policy.Policy;
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
import java.util.Optional;
import java.util.Set;

/**
 * What a chat partition remembers of each of its chats, and when it tells the network task: the profile lineage
 * compares (title, owner and admins, links, photos, sender sketch, status, strikes) is sent whenever a comparable
 * field changes, and when the sender sketch has moved enough in a chat that lineage still watches (a young chat,
 * which may be a re-creation, or a flagged one, which may be re-created). Most messages change nothing and write
 * nothing but the queue positions they need.
 */
public final class ChatProfiles {

    /** Bounds of the lists a profile keeps, so that a busy chat's profile stays a few kilobytes at most. */
    static final int MAX_POSTED_LINKS = 32;
    static final int MAX_ACTING_ADMINS = 32;
    static final int MAX_PHOTOS = 8;
    /** The latest activity is written when it has moved this much: young-chat checks count in days. */
    static final long DAY_MILLIS = 86_400_000L;

    private final Table<ChatState> states;
    private final Table<ChatProfile> profiles;
    private final int sketchChangesToSend;
    private final LineageScorer lineage;

    public ChatProfiles(Table<ChatState> states, Table<ChatProfile> profiles, int sketchChangesToSend, Policy.Lineage lineage) {
        this.states = states;
        this.profiles = profiles;
        this.sketchChangesToSend = sketchChangesToSend;
        this.lineage = new LineageScorer(lineage);
    }

    public Chat load(String chatId, String platform) {
        ChatState state = states.get(chatId);
        boolean isNew = state == null;
        return new Chat(chatId, platform, isNew ? ChatState.newBuilder().build() : state, isNew, profiles);
    }

    /** Writes what changed; returns the profile to send to the network task when lineage should look again. */
    public Optional<NetworkRequest> store(Chat chat, Instant now) {
        boolean send = false;
        if (chat.isProfileChanged()) {
            ChatProfile p = chat.profile();
            ChatState state = chat.state();
            // The chat state holds what changes often; the profile carries it to the network task.
            p.setVigilStrikes(state.getOwnStrikes());
            p.setInheritedStrikes(state.getInheritedStrikes());
            p.setLastSeenAt(state.getLastSeenAt());
            long fingerprint = ProfileFingerprint.of(p, lineage);
            boolean watched = lineage.young(p) || lineage.flagged(p);
            send = fingerprint != state.getSentFingerprint() || state.getSketchChanges() >= sketchChangesToSend && watched;
            if (send) {
                p.setUpdatedAt(now);
                state.setSentFingerprint(fingerprint);
                state.setSketchChanges(0);
                chat.stateChanged();
            }
            profiles.put(chat.id(), p);
        }
        if (chat.isStateChanged()) {
            states.put(chat.id(), chat.state());
        }
        return send ? Optional.of(NetworkRequest.newBuilder().setKind(NetworkRequestKind.PROFILE).setChatId(chat.id())
                .setProfile(ChatProfile.newBuilder(chat.profile()).build()).build()) : Optional.empty();
    }

    /**
     * A message in the chat. Most messages change nothing lineage compares and are handled from the small chat state
     * alone: a sender hashing above the full sketch's ceiling cannot enter it, and the latest activity is kept to the
     * day. Only a new sketch member, a harmful item, a posted link or the first message reads the profile.
     */
    public static void onMessage(Chat chat, Detection detection, boolean harmful) {
        ChatState state = chat.state();
        Instant at = detection.getSentAt();
        if (state.getLastSeenAt() == null) {
            chat.profile().setFirstSeenAt(at);
            chat.profileChanged();
        }
        if (state.getLastSeenAt() == null || at.toEpochMilli() - state.getLastSeenAt().toEpochMilli() > DAY_MILLIS) {
            state.setLastSeenAt(at);
            chat.stateChanged();
        }
        if (harmful) {
            chat.profile().setHarmfulItems(chat.profile().getHarmfulItems() + 1);
            chat.profileChanged();
        }
        long h = SenderSketch.hash(detection.getSenderId());
        if (SenderSketch.couldEnter(h, state.getSketchCeiling())) {
            ChatProfile p = chat.profile();
            long[] sketch = SenderSketch.of(p.getSenderSketch());
            long[] next = SenderSketch.add(sketch, detection.getSenderId());
            if (next != sketch) {
                p.setSenderSketch(SenderSketch.toList(next));
                state.setSketchChanges(state.getSketchChanges() + 1);
                state.setSketchCeiling(SenderSketch.ceiling(next));
                chat.stateChanged();
                chat.profileChanged();
            }
        }
        if (!detection.getLinks().isEmpty()) {
            ChatProfile p = chat.profile();
            List<String> links = appendBounded(p.getPostedLinks(), detection.getLinks(), MAX_POSTED_LINKS);
            if (!links.equals(p.getPostedLinks())) {
                p.setPostedLinks(links);
                chat.profileChanged();
            }
        }
    }

    public static void onMetadata(Chat chat, GroupMetadata g) {
        ChatProfile p = chat.profile();
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
        chat.profileChanged();
    }

    public static void onEvent(Chat chat, GroupEvent e) {
        ChatProfile p = chat.profile();
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
        if (chat.state().getLastSeenAt() == null || e.getOccurredAt().isAfter(chat.state().getLastSeenAt())) {
            chat.state().setLastSeenAt(e.getOccurredAt());
            chat.stateChanged();
        }
        if (!e.getLinks().isEmpty()) {
            p.setPostedLinks(appendBounded(p.getPostedLinks(), e.getLinks(), MAX_POSTED_LINKS));
        }
        chat.profileChanged();
    }

    /** Renaming, changing the photo and pinning are what admins do; whoever does them counts as one. */
    private static void actedAsAdmin(ChatProfile p, GroupEvent e) {
        if (e.getActorId() != null) {
            p.setActingAdminIds(appendBounded(p.getActingAdminIds(), List.of(e.getActorId()), MAX_ACTING_ADMINS));
        }
    }

    /** A confirmed decision counted once more (or, reversed, once less) against the chat. */
    public static void onStrikes(Chat chat, int delta) {
        chat.state().setOwnStrikes(Math.max(0, chat.state().getOwnStrikes() + delta));
        chat.stateChanged();
        chat.profile();
        chat.profileChanged();
    }

    /** Takes a lineage record for this chat; keeps the strongest (a re-creation before a migration at equal score). */
    public static void onLineage(Chat chat, LineageRecord record) {
        LineageNotice current = chat.state().getLineage();
        boolean samePair = current != null && current.getPredecessorChatId().equals(record.getPredecessorChatId())
                && current.getRelation().equals(record.getRelation());
        boolean stronger = current == null || record.getScore() > current.getScore()
                || record.getScore() == current.getScore() && record.getRelation().equals("recreation");
        if (!samePair && !stronger) {
            return;
        }
        chat.state().setLineage(LineageNotice.newBuilder().setPredecessorChatId(record.getPredecessorChatId())
                .setPredecessorTitle(record.getPredecessorTitle()).setPredecessorTakenDownAt(record.getPredecessorTakenDownAt())
                .setRelation(record.getRelation()).setScore(record.getScore())
                .setEvidence(record.getEvidence().stream().map(e -> e.getDescription()).toList())
                .setInheritedStrikes(record.getInheritedStrikes()).setSummary(record.getSummary()).build());
        if (chat.state().getInheritedStrikes() != record.getInheritedStrikes()) {
            chat.state().setInheritedStrikes(record.getInheritedStrikes());
            chat.profile();
            chat.profileChanged();
        }
        chat.stateChanged();
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
