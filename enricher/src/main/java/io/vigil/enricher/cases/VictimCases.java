package io.vigil.enricher.cases;

import io.vigil.enricher.clusters.Fingerprint;
import io.vigil.enricher.policy.Placeholders;
import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.state.Table;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.network.CaseState;
import io.vigil.schemas.network.NodeState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links the items that concern one person into a victim case: a union-find over her media clusters and the keyed
 * hashes of her identifiers, across chats. Each node points straight at its case; merging relabels the smaller
 * case's nodes (union by size), so a lookup is one read and a node moves at most log2(n) times.
 *
 * <p>Guards keep unrelated people apart. Only a harmful item (evidence of a case category) opens a case, merges
 * cases or attaches new nodes. A harmless item joins an existing case only through a media cluster (the same image
 * re-posted), never through an identifier alone. A node seen in many chats with harmful evidence in few of them (a
 * shop's number, a meme) links nothing; nor does an identifier on the deployment's benign list (institutions'
 * lines). A weak identifier (an address, a name) links only when enough weak identifiers agree on one case.
 */
public final class VictimCases {

    /** Merged ids a case remembers, so that consumers can follow items of an older id to the case they are in now. */
    static final int MAX_MERGED_IDS = 32;

    private final Table<NodeState> nodes;
    private final NodeChats nodeChats;
    private final Table<CaseState> cases;
    private final CaseContents contents;
    private final Policy.Cases policy;
    private final Set<String> benignIdentifiers;
    /** Node states read or written for the item being linked, so that linking reads each node once. */
    private final Map<String, NodeState> current = new HashMap<>();

    public VictimCases(Table<NodeState> nodes, NodeChats nodeChats, Table<CaseState> cases, Table<Long> caseMembers,
                       Table<Long> caseChats, Policy.Cases policy, Set<String> benignIdentifiers) {
        this.nodes = nodes;
        this.nodeChats = nodeChats;
        this.cases = cases;
        this.contents = new CaseContents(caseMembers, caseChats);
        this.policy = policy;
        this.benignIdentifiers = Set.copyOf(benignIdentifiers);
    }

    /**
     * One item as the cases see it.
     *
     * @param nodes        the item's own clusters and identifiers; counted in their guards' statistics
     * @param contextNodes clusters of the image the sender posted just before (a number right after a photo):
     *                     they link, but this item does not count as a sighting of them
     * @param members      members of the item's chat, for reach
     */
    public record Item(String messageKey, String chatId, long members, Instant seenAt, boolean harmful, double severity,
                       Set<ContentCategory> categories, List<CaseNode> nodes, List<CaseNode> contextNodes) {
    }

    /** Counts a sighting of a node in a chat; true when the node is new to the chat (for clusters: spread). */
    public boolean observe(CaseNode node, String chatId, boolean harmful, Instant seenAt) {
        NodeState state = nodes.get(node.key());
        if (state == null) {
            state = NodeState.newBuilder().setFirstSeen(seenAt).build();
        }
        NodeChats.Seen seen = nodeChats.seen(node.key(), state, chatId);
        boolean newChat = seen == NodeChats.Seen.NEVER;
        if (newChat) {
            nodeChats.record(node.key(), state, chatId, harmful);
            state.setChats(state.getChats() + 1);
            if (harmful) {
                state.setHarmfulChats(state.getHarmfulChats() + 1);
            }
        } else if (harmful && seen == NodeChats.Seen.SEEN) {
            nodeChats.record(node.key(), state, chatId, true);
            state.setHarmfulChats(state.getHarmfulChats() + 1);
        }
        state.setSightings(state.getSightings() + 1);
        nodes.put(node.key(), state);
        current.put(node.key(), state);
        return newChat;
    }

    /** The case this item belongs to after linking, if any. */
    public Optional<CaseSummary> link(Item item) {
        return relink(item, null);
    }

    /**
     * Links an item seen earlier again, with context that arrived after it (the image its sender posted just before
     * a number, when the image's detection reached the network task after the number's), under the same guards.
     *
     * @param countedIn the case the item was counted in when it was first seen, or null: the item joins that case's
     *                  links and is not counted twice
     */
    public Optional<CaseSummary> relink(Item item, String countedIn) {
        try {
            return linkNodes(item, countedIn);
        } finally {
            current.clear();
        }
    }

    private Optional<CaseSummary> linkNodes(Item item, String countedIn) {
        Map<String, NodeState> eligible = new HashMap<>();
        List<CaseNode> all = new ArrayList<>(item.nodes());
        all.addAll(item.contextNodes());
        Set<String> linked = new LinkedHashSet<>();
        Map<String, Integer> weakVotes = new HashMap<>();
        List<CaseNode> attachable = new ArrayList<>();
        for (CaseNode node : all) {
            NodeState state = current.containsKey(node.key()) ? current.get(node.key()) : nodes.get(node.key());
            if (state == null || !glues(node, state)) {
                continue;
            }
            eligible.put(node.key(), state);
            attachable.add(node);
            if (state.getCaseId() == null) {
                continue;
            }
            switch (node.kind()) {
                case CLUSTER -> linked.add(state.getCaseId());
                case STRONG_IDENTIFIER -> {
                    if (item.harmful()) {
                        linked.add(state.getCaseId());
                    }
                }
                case WEAK_IDENTIFIER -> {
                    if (item.harmful()) {
                        weakVotes.merge(state.getCaseId(), 1, Integer::sum);
                    }
                }
            }
        }
        weakVotes.forEach((caseId, votes) -> {
            if (votes >= policy.weakAgreement()) {
                linked.add(caseId);
            }
        });
        if (countedIn != null) {
            // The item links to the case it is already in; if that case was merged away since, its nodes lead to the survivor.
            linked.add(countedIn);
        }
        List<CaseState> found = linked.stream().map(cases::get).filter(java.util.Objects::nonNull).toList();
        boolean counted = countedIn != null && !found.isEmpty();
        CaseState target;
        if (item.harmful()) {
            target = found.isEmpty() ? open(item) : merge(found);
            for (CaseNode node : attachable) {
                NodeState state = eligible.get(node.key());
                if (state.getCaseId() == null) {
                    attach(target, node, state);
                }
            }
        } else if (!found.isEmpty()) {
            // A harmless item never merges cases; it joins the largest one its image is in.
            target = found.stream().max(BY_SIZE).orElseThrow();
        } else {
            return Optional.empty();
        }
        if (!counted) {
            join(target, item);
        }
        cases.put(target.getCaseId(), target);
        return Optional.of(summary(target));
    }

    private boolean glues(CaseNode node, NodeState state) {
        if (node.isIdentifier() && benignIdentifiers.contains(node.keyedHash())) {
            return false;
        }
        boolean widelySeen = state.getChats() >= policy.benignMinChats();
        boolean rarelyHarmful = state.getHarmfulChats() < policy.benignMaxHarmfulShare() * state.getChats();
        return !(widelySeen && rarelyHarmful);
    }

    private CaseState open(Item item) {
        long id = Fingerprint.of("case:" + item.messageKey());
        while (cases.get(caseId(id)) != null) {
            id = Fingerprint.next(id);
        }
        return CaseState.newBuilder().setCaseId(caseId(id)).setItems(0).setChats(0).setReach(0).setFirstSeen(item.seenAt())
                .setLastSeen(item.seenAt()).setFirstChatId(item.chatId()).setMaxSeverity(0).build();
    }

    private static final Comparator<CaseState> BY_SIZE = Comparator.comparingInt(CaseState::getItems)
            .thenComparing(CaseState::getFirstSeen, Comparator.reverseOrder())
            .thenComparing(CaseState::getCaseId, Comparator.reverseOrder());

    /** Union by size: the largest case absorbs the others; their nodes and chats move to it. */
    private CaseState merge(Collection<CaseState> found) {
        CaseState winner = found.stream().max(BY_SIZE).orElseThrow();
        for (CaseState loser : found) {
            if (loser.getCaseId().equals(winner.getCaseId())) {
                continue;
            }
            for (String nodeKey : contents.nodesOf(loser)) {
                NodeState state = nodes.get(nodeKey);
                if (state != null) {
                    state.setCaseId(winner.getCaseId());
                    nodes.put(nodeKey, state);
                }
                contents.addNode(winner, nodeKey);
            }
            for (Map.Entry<String, Long> chat : contents.chatsOf(loser).entrySet()) {
                if (!contents.reached(winner, chat.getKey())) {
                    contents.addChat(winner, chat.getKey(), chat.getValue());
                    winner.setChats(winner.getChats() + 1);
                    winner.setReach(winner.getReach() + chat.getValue());
                }
            }
            contents.deleteRows(loser);
            winner.setItems(winner.getItems() + loser.getItems());
            winner.setClusters(winner.getClusters() + loser.getClusters());
            winner.setIdentifiers(winner.getIdentifiers() + loser.getIdentifiers());
            winner.setMaxSeverity(Math.max(winner.getMaxSeverity(), loser.getMaxSeverity()));
            if (loser.getFirstSeen().isBefore(winner.getFirstSeen())) {
                winner.setFirstSeen(loser.getFirstSeen());
                winner.setFirstChatId(loser.getFirstChatId());
            }
            if (loser.getLastSeen().isAfter(winner.getLastSeen())) {
                winner.setLastSeen(loser.getLastSeen());
            }
            winner.setCategories(union(winner.getCategories(), loser.getCategories()));
            List<String> merged = new ArrayList<>(winner.getMergedCaseIds());
            merged.add(loser.getCaseId());
            merged.addAll(loser.getMergedCaseIds());
            winner.setMergedCaseIds(merged.stream().distinct().limit(MAX_MERGED_IDS).toList());
            cases.delete(loser.getCaseId());
        }
        return winner;
    }

    private void attach(CaseState target, CaseNode node, NodeState state) {
        state.setCaseId(target.getCaseId());
        nodes.put(node.key(), state);
        contents.addNode(target, node.key());
        if (node.kind() == CaseNode.Kind.CLUSTER) {
            target.setClusters(target.getClusters() + 1);
        } else {
            target.setIdentifiers(target.getIdentifiers() + 1);
        }
    }

    private void join(CaseState target, Item item) {
        target.setItems(target.getItems() + 1);
        if (!contents.reached(target, item.chatId())) {
            contents.addChat(target, item.chatId(), item.members());
            target.setChats(target.getChats() + 1);
            target.setReach(target.getReach() + item.members());
        }
        if (item.seenAt().isAfter(target.getLastSeen())) {
            target.setLastSeen(item.seenAt());
        }
        if (item.seenAt().isBefore(target.getFirstSeen())) {
            target.setFirstSeen(item.seenAt());
            target.setFirstChatId(item.chatId());
        }
        if (item.harmful()) {
            target.setMaxSeverity(Math.max(target.getMaxSeverity(), item.severity()));
            target.setCategories(union(target.getCategories(), item.categories()));
        }
    }

    /** Case-level risk: the most severe item, raised by how far the person's data and images have spread. */
    public double score(CaseState c) {
        double spread = policy.chatWeight() * Math.max(0, c.getChats() - 1)
                + policy.reachWeight() * Math.max(0, Math.log10(Math.max(1, c.getReach()) / 1000.0));
        return Math.min(1, c.getMaxSeverity() + Math.min(policy.maxSpread(), spread));
    }

    public CaseSummary summary(CaseState c) {
        String summary = "this person's data and images: " + c.getChats() + (c.getChats() == 1 ? " group, " : " groups, ")
                + Placeholders.count(c.getReach()) + " members reached, first seen " + Placeholders.date(c.getFirstSeen())
                + " (" + c.getItems() + (c.getItems() == 1 ? " item, " : " items, ") + c.getClusters()
                + (c.getClusters() == 1 ? " image, " : " images, ") + c.getIdentifiers()
                + (c.getIdentifiers() == 1 ? " identifier)" : " identifiers)");
        return CaseSummary.newBuilder().setCaseId(c.getCaseId()).setItems(c.getItems()).setChats(c.getChats()).setReach(c.getReach())
                .setFirstSeen(c.getFirstSeen()).setLastSeen(c.getLastSeen()).setClusters(c.getClusters())
                .setIdentifiers(c.getIdentifiers()).setScore(score(c)).setSummary(summary)
                .setMergedCaseIds(c.getMergedCaseIds()).build();
    }

    private static String caseId(long id) {
        return "case-" + String.format("%016x", id);
    }

    private static List<ContentCategory> union(List<ContentCategory> a, Collection<ContentCategory> b) {
        Set<ContentCategory> all = EnumSet.noneOf(ContentCategory.class);
        all.addAll(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
