package io.vigil.enricher.network;

import io.vigil.enricher.cases.CaseNode;
import io.vigil.enricher.cases.VictimCases;
import io.vigil.enricher.clusters.MediaClusters;
import io.vigil.enricher.lineage.GroupLineage;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.staydown.StayDownBank;
import io.vigil.enricher.state.Keys;
import io.vigil.enricher.state.MessageWrites;
import io.vigil.enricher.state.Table;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.network.ChatProfile;
import io.vigil.schemas.network.ClusterState;
import io.vigil.schemas.network.MessageSighting;
import io.vigil.schemas.network.NetworkFacts;
import io.vigil.schemas.network.RecentIdentifiers;
import io.vigil.schemas.network.RecentImage;
import io.vigil.schemas.network.RememberedMessage;
import io.vigil.schemas.network.SightedIdentifier;
import io.vigil.schemas.network.SightedMedia;
import io.vigil.schemas.network.StayDownRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The network's memory, owned by one task so that every chat's media, identifiers and profiles are seen in one
 * order: a message's media join their clusters, its clusters and identifiers link it into a victim case, new
 * reposts and profile changes are checked for lineage, and confirmed decisions keep their media down.
 */
public final class NetworkMemory implements AutoCloseable {

    private final MediaClusters clusters;
    private final VictimCases cases;
    private final GroupLineage lineage;
    private final StayDownBank stayDown;
    private final Table<RecentImage> recentImages;
    private final RecentIdentifierMessages recentIdentifiers;
    private final Policy.Cases casePolicy;
    private final MessageWrites writes;

    /**
     * @param writes the buffer the tables are seen through: each request's changes are written when it is done
     */
    public NetworkMemory(MediaClusters clusters, VictimCases cases, GroupLineage lineage, StayDownBank stayDown,
                         Table<RecentImage> recentImages, Table<RecentIdentifiers> recentIdentifiers, Policy.Cases casePolicy,
                         MessageWrites writes) {
        this.clusters = clusters;
        this.cases = cases;
        this.lineage = lineage;
        this.stayDown = stayDown;
        this.recentImages = recentImages;
        this.recentIdentifiers = new RecentIdentifierMessages(recentIdentifiers, Duration.ofMinutes(casePolicy.followImageMinutes()));
        this.casePolicy = casePolicy;
        this.writes = writes;
    }

    /** Runs one request; its state changes are written once it is done, and not at all if it fails. */
    private <T> T buffered(Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            writes.discard();
            throw e;
        }
        writes.flush();
        return result;
    }

    /** Rebuilds the in-memory indexes from the restored tables. */
    public void load() {
        clusters.loadIndex();
        lineage.loadIndex();
    }

    /** What a sighting yields: the message's facts, and lineage found because its images reached a new chat. */
    public record Sighted(NetworkFacts facts, List<LineageRecord> lineage) {
    }

    public Sighted sight(String chatId, MessageSighting s, Instant now) {
        return buffered(() -> sightNow(chatId, s, now));
    }

    private Sighted sightNow(String chatId, MessageSighting s, Instant now) {
        Instant at = s.getSentAt();
        boolean forwarded = s.getForwardedFromChatId() != null;
        List<ClusterSighting> sightings = new ArrayList<>();
        List<CaseNode> nodes = new ArrayList<>();
        List<String> clusterIds = new ArrayList<>();
        List<LineageRecord> records = new ArrayList<>();
        List<SightedIdentifier> linkable = new ArrayList<>();
        for (SightedMedia media : s.getMedia()) {
            Optional<MediaClusters.Assignment> assigned = clusters.assign(media, chatId, at);
            if (assigned.isEmpty()) {
                continue;
            }
            String id = assigned.get().clusterId();
            CaseNode node = CaseNode.cluster(id);
            boolean newChat = cases.observe(node, chatId, s.getHarmful(), at);
            ClusterState state = assigned.get().state();
            state.setSightings(state.getSightings() + 1);
            if (forwarded) {
                state.setForwards(state.getForwards() + 1);
            }
            if (at.isAfter(state.getLastSeen())) {
                state.setLastSeen(at);
            }
            if (newChat) {
                state.setChats(state.getChats() + 1);
                state.setReach(state.getReach() + s.getMembers());
            }
            clusters.put(state);
            sightings.add(ClusterSighting.newBuilder().setMediaIndex(media.getIndex()).setClusterId(id).setChats(state.getChats())
                    .setSightings(state.getSightings()).setReach(state.getReach()).setForwards(state.getForwards())
                    .setFirstSeen(state.getFirstSeen()).setLastSeen(state.getLastSeen()).setFirstChatId(state.getFirstChatId())
                    .setNewChat(newChat && !assigned.get().founded()).build());
            if (!nodes.contains(node)) {
                nodes.add(node);
                clusterIds.add(id);
            }
            if (newChat) {
                records.addAll(lineage.onClusterEntered(chatId, id, state.getChats(), now));
            }
        }
        for (SightedIdentifier identifier : s.getIdentifiers()) {
            PersonalDataType type = identifier.getType();
            boolean strong = casePolicy.strongIdentifiers().contains(type);
            if (!strong && !casePolicy.weakIdentifiers().contains(type)) {
                continue;
            }
            CaseNode node = CaseNode.identifier(type, identifier.getKeyedHash(), strong);
            if (!nodes.contains(node)) {
                cases.observe(node, chatId, s.getHarmful(), at);
                nodes.add(node);
                linkable.add(identifier);
            }
        }
        List<CaseNode> context = new ArrayList<>();
        String senderKey = Keys.of(chatId, s.getSenderId());
        if (!s.getIdentifiers().isEmpty()) {
            RecentImage recent = recentImages.get(senderKey);
            if (recent != null && Duration.between(recent.getSentAt(), at).abs().compareTo(followWindow()) <= 0) {
                recent.getClusterIds().stream().map(CaseNode::cluster).filter(n -> !nodes.contains(n)).forEach(context::add);
            }
        }
        if (!clusterIds.isEmpty()) {
            recentImages.put(senderKey, RecentImage.newBuilder().setSentAt(at).setClusterIds(clusterIds).build());
        }
        Optional<CaseSummary> victimCase = nodes.isEmpty() && context.isEmpty() ? Optional.empty()
                : cases.link(new VictimCases.Item(Keys.of(chatId, s.getMessageId()), chatId, s.getMembers(), at, s.getHarmful(),
                        s.getSeverity(), categories(s), nodes, context));
        if (!clusterIds.isEmpty()) {
            victimCase = linkEarlierIdentifiers(chatId, s, clusterIds, victimCase, now);
        }
        if (!linkable.isEmpty()) {
            recentIdentifiers.remember(chatId, s, linkable, victimCase.map(CaseSummary::getCaseId).orElse(null), now);
        }
        NetworkFacts facts = NetworkFacts.newBuilder().setChatId(chatId).setMessageId(s.getMessageId()).setSeq(s.getSeq())
                .setClusters(sightings).setVictimCase(victimCase.orElse(null)).build();
        return new Sighted(facts, records);
    }

    /**
     * Links the messages with identifiers this image's sender posted in the chat within the follow window (by sentAt,
     * before or after the image) that reached the network task before it, as if the image had come first: each is
     * linked again with the image's clusters as its context, under the same guards, and counted once. The image's
     * own case is linked first, as it would have been, so this returns the case it is in now (the survivor of a
     * merge).
     */
    private Optional<CaseSummary> linkEarlierIdentifiers(String chatId, MessageSighting image, List<String> clusterIds,
                                                         Optional<CaseSummary> imageCase, Instant now) {
        List<CaseNode> imageClusters = clusterIds.stream().map(CaseNode::cluster).toList();
        Optional<CaseSummary> current = imageCase;
        for (RememberedMessage earlier : recentIdentifiers.around(chatId, image.getSenderId(), image.getSentAt(), now)) {
            if (earlier.getMessageId().equals(image.getMessageId())) {
                continue;
            }
            Set<io.vigil.schemas.ContentCategory> categories = EnumSet.noneOf(io.vigil.schemas.ContentCategory.class);
            categories.addAll(earlier.getCategories());
            Optional<CaseSummary> linked = cases.relink(new VictimCases.Item(Keys.of(chatId, earlier.getMessageId()), chatId,
                    earlier.getMembers(), earlier.getSentAt(), earlier.getHarmful(), earlier.getSeverity(), categories,
                    identifierNodes(earlier.getIdentifiers()), imageClusters), earlier.getCaseId());
            if (linked.isEmpty()) {
                continue;
            }
            recentIdentifiers.counted(chatId, image.getSenderId(), earlier.getMessageId(), linked.get().getCaseId());
            String imageCaseId = current.map(CaseSummary::getCaseId).orElse(null);
            if (imageCaseId != null && (imageCaseId.equals(linked.get().getCaseId())
                    || linked.get().getMergedCaseIds().contains(imageCaseId))) {
                current = linked;
            }
        }
        return current;
    }

    private List<CaseNode> identifierNodes(List<SightedIdentifier> identifiers) {
        return identifiers.stream().map(i -> CaseNode.identifier(i.getType(), i.getKeyedHash(),
                casePolicy.strongIdentifiers().contains(i.getType()))).toList();
    }

    public List<LineageRecord> profile(ChatProfile profile, Instant now) {
        return buffered(() -> lineage.onProfile(profile, now));
    }

    public List<StayDownBank.BankWrite> stayDown(StayDownRequest request) {
        return buffered(() -> stayDown.apply(request.getDecision(), Optional.ofNullable(request.getChatTitle())));
    }

    /** Forgets senders' images older than the follow window (a stream-time clean-up). */
    public void forgetImagesBefore(Instant cutoff) {
        buffered(() -> {
            List<String> old = new ArrayList<>();
            recentImages.forEach((key, image) -> {
                if (image.getSentAt().isBefore(cutoff)) {
                    old.add(key);
                }
            });
            old.forEach(recentImages::delete);
            return old.size();
        });
    }

    /** Forgets senders' identifiers the network task saw before the cutoff (a processing-time clean-up). */
    public void forgetIdentifiersSeenBefore(Instant cutoff) {
        buffered(() -> {
            recentIdentifiers.forgetSeenBefore(cutoff);
            return null;
        });
    }

    public Duration followWindow() {
        return Duration.ofMinutes(casePolicy.followImageMinutes());
    }

    public MediaClusters clusters() {
        return clusters;
    }

    private static Set<io.vigil.schemas.ContentCategory> categories(MessageSighting s) {
        Set<io.vigil.schemas.ContentCategory> set = EnumSet.noneOf(io.vigil.schemas.ContentCategory.class);
        set.addAll(s.getCategories());
        return set;
    }

    @Override
    public void close() {
        clusters.close();
        lineage.close();
    }
}
