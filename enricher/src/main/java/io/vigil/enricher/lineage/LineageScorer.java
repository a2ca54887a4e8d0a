package io.vigil.enricher.lineage;

import io.vigil.enricher.policy.Placeholders;
import io.vigil.enricher.policy.Policy;
import io.vigil.pdq.Hash256;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.LineageEvidence;
import io.vigil.schemas.network.ChatProfile;
import io.vigil.schemas.network.ProfilePhoto;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How strongly a chat re-creates an older one, from the kinds of evidence the policy weighs: the same owner,
 * admins acting in both, a large share of the same active senders, a title that normalises alike, a link to the new
 * chat posted or pinned in the old one, the same group photo, the old chat's images reposted, and appearing soon
 * after the old chat's takedown. The score is 1 - the product of (1 - weight) over the evidence found; a lineage
 * needs the policy's minimum score and minimum number of kinds, and timing alone is never a kind.
 */
public final class LineageScorer {

    /** Two group photos within the PDQ match distance are the same photo. */
    static final int PHOTO_MAX_DISTANCE = 31;
    private static final String AFTER_TAKEDOWN = "after-takedown";

    private final Policy.Lineage policy;

    public LineageScorer(Policy.Lineage policy) {
        this.policy = policy;
    }

    /** A scored pair with its evidence, in words a moderator can check. */
    public record Scored(double score, List<LineageEvidence> evidence) {
        public int kinds() {
            return (int) evidence.stream().filter(e -> !e.getCode().equals(AFTER_TAKEDOWN.replace('-', '_'))).count();
        }
    }

    /** The predecessor's candidacy: taken down, struck, or with enough harmful items. */
    public boolean flagged(ChatProfile p) {
        return p.getStatus() == GroupStatus.TAKEN_DOWN || p.getPlatformStrikes() + p.getVigilStrikes() + p.getInheritedStrikes() > 0
                || p.getHarmfulItems() >= policy.flaggedMinHarmfulItems();
    }

    /**
     * A chat lineage still watches as a possible re-creation: it appeared (was created or first seen) within the
     * policy's young-chat days of its latest activity, by event time, so that a replay judges as the live run did.
     */
    public boolean young(ChatProfile c) {
        Optional<Instant> appeared = appearedAt(c);
        Instant last = c.getLastSeenAt() != null ? c.getLastSeenAt() : c.getFirstSeenAt();
        return appeared.isEmpty() || last == null || !last.isAfter(appeared.get().plus(Duration.ofDays(policy.youngChatDays())));
    }

    /** Strikes a successor inherits from this predecessor. */
    public static int strikesOf(ChatProfile p) {
        return p.getPlatformStrikes() + p.getVigilStrikes() + p.getInheritedStrikes();
    }

    public static Optional<Instant> appearedAt(ChatProfile c) {
        return Optional.ofNullable(c.getCreatedAt()).or(() -> Optional.ofNullable(c.getFirstSeenAt()));
    }

    /** Whether {@code p} is older than {@code c}: only an older chat can be re-created by a newer one. */
    public static boolean older(ChatProfile p, ChatProfile c) {
        Optional<Instant> pAt = appearedAt(p);
        Optional<Instant> cAt = appearedAt(c);
        return pAt.isPresent() && cAt.isPresent() && pAt.get().isBefore(cAt.get());
    }

    public Optional<Scored> score(ChatProfile p, ChatProfile c, int sharedClusters) {
        List<LineageEvidence> evidence = new ArrayList<>();
        boolean sameOwner = p.getOwnerId() != null && p.getOwnerId().equals(c.getOwnerId());
        if (sameOwner) {
            add(evidence, "same-owner", 1, "The owner (" + p.getOwnerId() + ") owns both chats");
        }
        Set<String> shared = admins(p);
        shared.retainAll(admins(c));
        if (sameOwner) {
            shared.remove(p.getOwnerId());
        }
        if (!shared.isEmpty()) {
            add(evidence, "shared-admins", Math.min(1, shared.size() / 2.0), shared.size() + (shared.size() == 1 ? " admin" : " admins")
                    + " of the old chat act" + (shared.size() == 1 ? "s" : "") + " as admin here (" + String.join(", ", shared.stream().sorted().limit(3).toList()) + ")");
        }
        long[] ps = SenderSketch.of(p.getSenderSketch());
        long[] cs = SenderSketch.of(c.getSenderSketch());
        double common = SenderSketch.intersection(ps, cs);
        double overlap = SenderSketch.overlap(ps, cs);
        if (common >= policy.sharedSendersMinCount() && overlap >= policy.sharedSendersMinOverlap()) {
            add(evidence, "shared-senders", Math.min(1, overlap / (2 * policy.sharedSendersMinOverlap())),
                    "About " + Math.round(overlap * 100) + "% of the active senders of the smaller chat are active in the other (about "
                            + Math.round(common) + " people)");
        }
        String pt = TitleNormaliser.normalise(p.getTitle());
        String ct = TitleNormaliser.normalise(c.getTitle());
        double similarity = TitleNormaliser.similarity(pt, ct);
        if (similarity >= policy.similarTitleMin()) {
            add(evidence, "similar-title", similarity, "The titles match after normalisation (\"" + pt + "\"; "
                    + Math.round(similarity * 100) + "% alike)");
        }
        Set<String> links = ownLinks(c);
        Optional<String> advertised = p.getPostedLinks().stream().map(TelegramLinks::canonical).flatMap(Optional::stream)
                .filter(links::contains).findFirst();
        advertised.ifPresent(link -> add(evidence, "invite-link", 1, "A link to this chat (" + link + ") was posted or pinned in the old one"));
        if (samePhoto(p, c)) {
            add(evidence, "same-photo", 1, "The same group photo");
        }
        if (sharedClusters >= policy.sharedMediaMinClusters()) {
            add(evidence, "shared-media", 1, sharedClusters + " images of the old chat were reposted here");
        }
        if (p.getStatus() == GroupStatus.TAKEN_DOWN && p.getTakenDownAt() != null) {
            Optional<Instant> appeared = appearedAt(c);
            if (appeared.isPresent()) {
                Duration after = Duration.between(p.getTakenDownAt(), appeared.get());
                if (!after.isNegative() && after.compareTo(Duration.ofDays(policy.takedownWindowDays())) <= 0
                        || after.isNegative() && after.abs().compareTo(Duration.ofDays(1)) <= 0) {
                    add(evidence, AFTER_TAKEDOWN, 1, "This chat appeared " + describe(after) + " the old one was taken down on "
                            + Placeholders.date(p.getTakenDownAt()));
                }
            }
        }
        if (evidence.isEmpty()) {
            return Optional.empty();
        }
        double keep = 1;
        for (LineageEvidence e : evidence) {
            keep *= 1 - e.getWeight();
        }
        return Optional.of(new Scored(1 - keep, evidence));
    }

    /** Whether a scored pair is lineage under the policy. */
    public boolean qualifies(Scored scored) {
        return scored.score() >= policy.minScore() && scored.kinds() >= policy.minEvidenceKinds();
    }

    private void add(List<LineageEvidence> evidence, String kind, double factor, String description) {
        evidence.add(LineageEvidence.newBuilder().setCode(kind.replace('-', '_')).setDescription(description)
                .setWeight(policy.weight(kind) * factor).build());
    }

    static Set<String> admins(ChatProfile p) {
        Set<String> admins = new HashSet<>(p.getAdminIds());
        admins.addAll(p.getActingAdminIds());
        if (p.getOwnerId() != null) {
            admins.add(p.getOwnerId());
        }
        return admins;
    }

    /** The chat's own links, canonical: its invite links and its username's link. */
    static Set<String> ownLinks(ChatProfile c) {
        Set<String> links = new HashSet<>();
        c.getInviteLinks().stream().map(TelegramLinks::canonical).flatMap(Optional::stream).forEach(links::add);
        TelegramLinks.ofUsername(c.getUsername()).ifPresent(links::add);
        return links;
    }

    static boolean samePhoto(ProfilePhoto a, ProfilePhoto b) {
        if (a.getSha256() != null && a.getSha256().equals(b.getSha256())) {
            return true;
        }
        return a.getPdq() != null && b.getPdq() != null && Hash256.isHex(a.getPdq()) && Hash256.isHex(b.getPdq())
                && Hash256.fromHex(a.getPdq()).distance(Hash256.fromHex(b.getPdq())) <= PHOTO_MAX_DISTANCE;
    }

    private static boolean samePhoto(ChatProfile p, ChatProfile c) {
        for (ProfilePhoto a : p.getPhotos()) {
            for (ProfilePhoto b : c.getPhotos()) {
                if (samePhoto(a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(Duration after) {
        if (after.isNegative()) {
            return "just before";
        }
        long days = after.toDays();
        if (days >= 1) {
            return days + (days == 1 ? " day after" : " days after");
        }
        long hours = after.toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour after" : " hours after") : "within the hour after";
    }

}
