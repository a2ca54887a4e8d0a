package io.vigil.enricher.lineage;

import io.vigil.enricher.cases.NodeChats;
import io.vigil.enricher.policy.Placeholders;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.state.Keys;
import io.vigil.enricher.state.Table;
import io.vigil.pdq.Hash256;
import io.vigil.pdq.matching.PdqIndex;
import io.vigil.schemas.LineageEvidence;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.network.ChatProfile;
import io.vigil.schemas.network.ClusterState;
import io.vigil.schemas.network.LineageState;
import io.vigil.schemas.network.ProfilePhoto;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the chats a chat continues. Every chat's profile is kept; chats that were taken down or flagged (possible
 * predecessors) are also indexed by what a re-creation shares with them: owner and admins, title words, group
 * photo, the chat links posted in them, their sender sketch, and (through the media clusters) their images. When a
 * chat appears or changes, its candidates are looked up in those indexes, scored by {@link LineageScorer}, and the
 * best one that qualifies is written as a lineage record. A predecessor's change (a new strike) is passed on to its
 * successors. A migration (basic group to supergroup) is lineage of its own kind and needs no score.
 */
public final class GroupLineage implements AutoCloseable {

    /** Postings read per index key: a word or an admin shared by more flagged chats than this says little. */
    static final int MAX_POSTINGS = 200;
    /** Images of a chat compared with a candidate's. */
    static final int MAX_CLUSTERS = 500;
    /** A lineage is written again when its score moves by this much (or its evidence or strikes change). */
    static final double SCORE_CHANGE = 0.05;
    public static final String RECREATION = "recreation";
    public static final String MIGRATION = "migration";

    private static final String FLAGGED = "f";
    private static final String ADMIN = "a";
    private static final String TITLE_WORD = "w";
    private static final String PHOTO = "p";
    private static final String PHOTO_PDQ = "q";
    private static final String LINK = "l";
    private static final String SENDER = "s";

    private final Table<ChatProfile> profiles;
    private final Table<Long> index;
    private final Table<Long> successors;
    private final Table<LineageState> emitted;
    private final Table<Long> chatClusters;
    private final NodeChats nodeChats;
    private final Table<ClusterState> clusters;
    private final Policy.Lineage policy;
    private final LineageScorer scorer;
    private final String policyVersion;
    private final PdqIndex photos = new PdqIndex();
    private final List<String> chatOfPhoto = new ArrayList<>();
    private final Map<String, List<Integer>> photosOfChat = new HashMap<>();

    public GroupLineage(Table<ChatProfile> profiles, Table<Long> index, Table<Long> successors, Table<LineageState> emitted,
                        Table<Long> chatClusters, NodeChats nodeChats, Table<ClusterState> clusters, Policy.Lineage policy,
                        String policyVersion) {
        this.profiles = profiles;
        this.index = index;
        this.successors = successors;
        this.emitted = emitted;
        this.chatClusters = chatClusters;
        this.nodeChats = nodeChats;
        this.clusters = clusters;
        this.policy = policy;
        this.scorer = new LineageScorer(policy);
        this.policyVersion = policyVersion;
    }

    /** Rebuilds the in-memory index of flagged chats' group photos (task start-up, after restore). */
    public void loadIndex() {
        for (Map.Entry<String, Long> row : index.withPrefix(Keys.under(PHOTO_PDQ), Integer.MAX_VALUE)) {
            String[] parts = row.getKey().split(String.valueOf(Keys.SEPARATOR));
            indexPhoto(parts[2], parts[1]);
        }
    }

    /** A chat's profile changed: re-evaluate it, and its successors when what they inherit changed. */
    public List<LineageRecord> onProfile(ChatProfile profile, Instant now) {
        String chatId = profile.getChatId();
        ChatProfile old = profiles.get(chatId);
        profiles.put(chatId, profile);
        reindex(old, profile);
        boolean material = old == null || ProfileFingerprint.ofIdentity(old) != ProfileFingerprint.ofIdentity(profile);
        List<LineageRecord> records = new ArrayList<>();
        if (material || scorer.young(profile)) {
            records.addAll(evaluate(profile, now));
        }
        if (profile.getMigratedToChatId() != null) {
            ChatProfile successor = profiles.get(profile.getMigratedToChatId());
            emit(successor != null ? successor : stub(profile, profile.getMigratedToChatId()), profile, MIGRATION,
                    new LineageScorer.Scored(1, List.of(migrated(profile))), now).ifPresent(records::add);
        }
        if (old == null || inheritanceChanged(old, profile)) {
            for (Map.Entry<String, Long> row : successors.withPrefix(Keys.under(chatId), Integer.MAX_VALUE)) {
                ChatProfile successor = profiles.get(Keys.last(row.getKey()));
                if (successor != null) {
                    records.addAll(evaluate(successor, now));
                }
            }
        }
        return records;
    }

    /** An image newly posted in a chat: if a flagged chat posted it before, the chat may re-create that one. */
    public List<LineageRecord> onClusterEntered(String chatId, String clusterId, int clusterChats, Instant now) {
        chatClusters.put(Keys.of(chatId, clusterId), 1L);
        if (clusterChats < 2 || clusterChats > policy.memeMaxChats()) {
            return List.of();
        }
        ChatProfile profile = profiles.get(chatId);
        if (profile == null || !scorer.young(profile)) {
            return List.of(); // only a young chat is watched as a re-creation
        }
        boolean postedByFlagged = nodeChats.chatsOf(clusterNode(clusterId), policy.memeMaxChats()).stream()
                .anyMatch(chat -> !chat.equals(chatId) && index.get(Keys.of(FLAGGED, chat)) != null);
        return postedByFlagged ? evaluate(profile, now) : List.of();
    }

    /** Candidates scored per evaluation: those sharing the most with the chat. */
    static final int MAX_SCORED = 32;
    /** Sender-sketch values a candidate must share before its senders are worth comparing (chance alone gives 0-1). */
    static final int MIN_SHARED_SKETCH_VALUES = 3;

    private List<LineageRecord> evaluate(ChatProfile c, Instant now) {
        List<LineageRecord> records = new ArrayList<>();
        if (c.getMigratedFromChatId() != null) {
            ChatProfile p = profiles.get(c.getMigratedFromChatId());
            emit(c, p != null ? p : stub(c, c.getMigratedFromChatId()), MIGRATION,
                    new LineageScorer.Scored(1, List.of(migrated(p != null ? p : stub(c, c.getMigratedFromChatId())))), now)
                    .ifPresent(records::add);
        }
        Set<String> listed = new LinkedHashSet<>(c.getPreviousChatIds());
        Map<String, Integer> sharedClusters = sharedClusters(c.getChatId());
        Optional<Candidate> best = Optional.empty();
        for (String candidateId : candidates(c, sharedClusters)) {
            boolean platformListed = listed.contains(candidateId);
            ChatProfile p = Optional.ofNullable(profiles.get(candidateId)).orElse(platformListed ? stub(c, candidateId) : null);
            if (p == null || (!platformListed && !(scorer.flagged(p) && LineageScorer.older(p, c)))) {
                continue;
            }
            Optional<LineageScorer.Scored> scored = scorer.score(p, c, sharedClusters.getOrDefault(p.getChatId(), 0));
            if (platformListed) {
                List<LineageEvidence> evidence = new ArrayList<>();
                evidence.add(LineageEvidence.newBuilder().setCode("platform_listed")
                        .setDescription("The platform lists the old chat as one this chat replaces").setWeight(1).build());
                scored.ifPresent(s -> evidence.addAll(s.evidence()));
                scored = Optional.of(new LineageScorer.Scored(1, evidence));
            } else if (scored.isPresent() && !scorer.qualifies(scored.get())) {
                continue;
            }
            if (scored.isPresent() && (best.isEmpty() || scored.get().score() > best.get().scored().score())) {
                best = Optional.of(new Candidate(p, scored.get()));
            }
        }
        best.flatMap(b -> emit(c, b.profile(), RECREATION, b.scored(), now)).ifPresent(records::add);
        return records;
    }

    private record Candidate(ChatProfile profile, LineageScorer.Scored scored) {
    }

    /**
     * Flagged chats that share something with {@code c}, best first, at most {@link #MAX_SCORED}: the chats the
     * platform lists as its predecessors; those sharing an admin, a title word, a link, a photo or images; and those
     * sharing several of its sender-sketch values.
     */
    private List<String> candidates(ChatProfile c, Map<String, Integer> sharedClusters) {
        Map<String, Integer> votes = new HashMap<>();
        for (String listed : c.getPreviousChatIds()) {
            votes.merge(listed, 1_000, Integer::sum);
        }
        for (String admin : LineageScorer.admins(c)) {
            postings(ADMIN, admin, votes, 10);
        }
        for (String word : TitleNormaliser.keywords(TitleNormaliser.normalise(c.getTitle()))) {
            postings(TITLE_WORD, word, votes, 10);
        }
        for (String link : LineageScorer.ownLinks(c)) {
            postings(LINK, link, votes, 10);
        }
        for (ProfilePhoto photo : c.getPhotos()) {
            if (photo.getSha256() != null) {
                postings(PHOTO, photo.getSha256(), votes, 10);
            }
            if (photo.getPdq() != null && Hash256.isHex(photo.getPdq())) {
                photos.search(Hash256.fromHex(photo.getPdq()), LineageScorer.PHOTO_MAX_DISTANCE,
                        (id, distance) -> votes.merge(chatOfPhoto.get(id), 10, Integer::sum));
            }
        }
        Map<String, Integer> sketchVotes = new HashMap<>();
        for (Long h : c.getSenderSketch()) {
            postings(SENDER, Long.toHexString(h), sketchVotes, 1);
        }
        sketchVotes.forEach((chat, shared) -> {
            if (shared >= MIN_SHARED_SKETCH_VALUES) {
                votes.merge(chat, shared, Integer::sum);
            }
        });
        sharedClusters.forEach((chat, shared) -> votes.merge(chat, 10 * shared, Integer::sum));
        votes.remove(c.getChatId());
        return votes.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(MAX_SCORED)
                .map(Map.Entry::getKey).toList();
    }

    private void postings(String kind, String value, Map<String, Integer> votes, int weight) {
        for (Map.Entry<String, Long> row : index.withPrefix(Keys.under(Keys.of(kind, value)), MAX_POSTINGS)) {
            votes.merge(Keys.last(row.getKey()), weight, Integer::sum);
        }
    }

    /** For each flagged chat that posted images this chat posted too (memes left out): how many. One pass. */
    private Map<String, Integer> sharedClusters(String chatId) {
        Map<String, Integer> shared = new HashMap<>();
        for (Map.Entry<String, Long> row : chatClusters.withPrefix(Keys.under(chatId), MAX_CLUSTERS)) {
            String cluster = Keys.last(row.getKey());
            if (meme(cluster)) {
                continue;
            }
            for (String other : nodeChats.chatsOf(clusterNode(cluster), policy.memeMaxChats() + 1)) {
                if (!other.equals(chatId) && index.get(Keys.of(FLAGGED, other)) != null) {
                    shared.merge(other, 1, Integer::sum);
                }
            }
        }
        return shared;
    }

    private boolean meme(String clusterId) {
        ClusterState state = clusters.get(clusterId);
        return state != null && state.getChats() > policy.memeMaxChats();
    }

    private Optional<LineageRecord> emit(ChatProfile c, ChatProfile p, String relation, LineageScorer.Scored scored, Instant now) {
        int inherited = LineageScorer.strikesOf(p);
        List<String> codes = scored.evidence().stream().map(LineageEvidence::getCode).sorted().toList();
        String key = Keys.of(c.getChatId(), relation);
        LineageState last = emitted.get(key);
        if (last != null && last.getPredecessorChatId().equals(p.getChatId()) && Math.abs(last.getScore() - scored.score()) < SCORE_CHANGE
                && last.getEvidenceCodes().equals(codes) && last.getInheritedStrikes() == inherited) {
            return Optional.empty();
        }
        if (last != null && !last.getPredecessorChatId().equals(p.getChatId())) {
            successors.delete(Keys.of(last.getPredecessorChatId(), c.getChatId()));
        }
        emitted.put(key, LineageState.newBuilder().setPredecessorChatId(p.getChatId()).setRelation(relation).setScore(scored.score())
                .setEvidenceCodes(codes).setInheritedStrikes(inherited).build());
        successors.put(Keys.of(p.getChatId(), c.getChatId()), 1L);
        return Optional.of(LineageRecord.newBuilder()
                .setPlatform(c.getPlatform().isEmpty() ? p.getPlatform() : c.getPlatform())
                .setChatId(c.getChatId())
                .setPredecessorChatId(p.getChatId())
                .setRelation(relation)
                .setScore(scored.score())
                .setEvidence(scored.evidence())
                .setInheritedStrikes(inherited)
                .setPredecessorTitle(p.getTitle())
                .setPredecessorTakenDownAt(p.getTakenDownAt())
                .setPredecessorHarmfulItems(p.getHarmfulItems())
                .setSummary(summary(p, relation, scored, inherited))
                .setDetectedAt(now)
                .setPolicyVersion(policyVersion)
                .build());
    }

    static String summary(ChatProfile p, String relation, LineageScorer.Scored scored, int inherited) {
        String name = (p.getTitle() == null ? "chat" : "\"" + p.getTitle() + "\"") + " (" + p.getChatId() + ")";
        String history = inherited + (inherited == 1 ? " strike" : " strikes") + " and " + p.getHarmfulItems()
                + (p.getHarmfulItems() == 1 ? " harmful item" : " harmful items") + " of its history";
        if (relation.equals(MIGRATION)) {
            return "Migrated from basic group " + name + ": inherits " + history + ".";
        }
        String takenDown = p.getTakenDownAt() == null ? "" : ", taken down " + Placeholders.date(p.getTakenDownAt());
        List<String> why = scored.evidence().stream().map(LineageEvidence::getDescription).toList();
        return "Re-creates " + name + takenDown + " (lineage score " + Math.round(scored.score() * 100) + "%): " + String.join("; ", why)
                + ". Inherits " + history + ".";
    }

    private static LineageEvidence migrated(ChatProfile p) {
        return LineageEvidence.newBuilder().setCode("migrated")
                .setDescription("The platform migrated basic group " + p.getChatId() + " to this supergroup").setWeight(1).build();
    }

    /** A profile for a chat known only by id (a migration partner not seen yet). */
    private static ChatProfile stub(ChatProfile known, String chatId) {
        return ChatProfile.newBuilder().setPlatform(known.getPlatform()).setChatId(chatId).setUpdatedAt(known.getUpdatedAt()).build();
    }

    private boolean inheritanceChanged(ChatProfile old, ChatProfile now) {
        return LineageScorer.strikesOf(old) != LineageScorer.strikesOf(now) || old.getHarmfulItems() != now.getHarmfulItems()
                || old.getStatus() != now.getStatus() || !Objects.equals(old.getTitle(), now.getTitle())
                || !Objects.equals(old.getTakenDownAt(), now.getTakenDownAt());
    }

    /** Keeps the indexes equal to the flagged chats' current profiles, writing only what changed. */
    private void reindex(ChatProfile old, ChatProfile now) {
        Set<String> before = old != null && scorer.flagged(old) ? keys(old) : Set.of();
        Set<String> after = scorer.flagged(now) ? keys(now) : Set.of();
        for (String key : before) {
            if (!after.contains(key)) {
                index.delete(key);
            }
        }
        for (String key : after) {
            if (!before.contains(key)) {
                index.put(key, 1L);
            }
        }
        if (!before.equals(after)) {
            unindexPhotos(now.getChatId());
            for (String key : after) {
                if (key.startsWith(Keys.under(PHOTO_PDQ))) {
                    indexPhoto(now.getChatId(), key.split(String.valueOf(Keys.SEPARATOR))[1]);
                }
            }
        }
    }

    private Set<String> keys(ChatProfile p) {
        String id = p.getChatId();
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Keys.of(FLAGGED, id));
        LineageScorer.admins(p).forEach(a -> keys.add(Keys.of(ADMIN, a, id)));
        TitleNormaliser.keywords(TitleNormaliser.normalise(p.getTitle())).forEach(w -> keys.add(Keys.of(TITLE_WORD, w, id)));
        p.getPostedLinks().stream().map(TelegramLinks::canonical).flatMap(Optional::stream).forEach(l -> keys.add(Keys.of(LINK, l, id)));
        for (ProfilePhoto photo : p.getPhotos()) {
            if (photo.getSha256() != null) {
                keys.add(Keys.of(PHOTO, photo.getSha256(), id));
            }
            if (photo.getPdq() != null && Hash256.isHex(photo.getPdq())) {
                keys.add(Keys.of(PHOTO_PDQ, photo.getPdq(), id));
            }
        }
        p.getSenderSketch().forEach(h -> keys.add(Keys.of(SENDER, Long.toHexString(h), id)));
        return keys;
    }

    private void indexPhoto(String chatId, String pdqHex) {
        int entry = photos.add(Hash256.fromHex(pdqHex));
        while (chatOfPhoto.size() <= entry) {
            chatOfPhoto.add(null);
        }
        chatOfPhoto.set(entry, chatId);
        photosOfChat.computeIfAbsent(chatId, k -> new ArrayList<>()).add(entry);
    }

    private void unindexPhotos(String chatId) {
        List<Integer> entries = photosOfChat.remove(chatId);
        if (entries != null) {
            entries.forEach(photos::remove);
        }
    }

    static String clusterNode(String clusterId) {
        return "c:" + clusterId;
    }

    @Override
    public void close() {
        photos.close();
    }
}
