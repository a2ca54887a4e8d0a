package io.vigil.enricher.policy;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.PersonalDataType;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scoring policy: ordered rules, the risk levels, and the weights of the network's memory (cases and lineage).
 * Loaded and validated by {@link PolicyParser}; {@link #label()} is recorded in every assessment.
 *
 * @param version the policy's own version, as its author wrote it
 * @param digest  the first 8 hex digits of the SHA-256 of the policy file: an edit without a new version still shows
 */
public record Policy(String version, String digest, Levels levels, List<Rule> rules, Cases cases, Lineage lineage) {

    public Policy {
        rules = List.copyOf(rules);
    }

    /** What assessments record as their policyVersion: {@code version+digest}. */
    public String label() {
        return version + "+" + digest;
    }

    /** Lower bounds of each risk level, rising strictly. */
    public record Levels(double low, double medium, double high, double critical) {
    }

    /**
     * How items are linked into victim cases.
     *
     * @param categories           evidence of these categories makes an item harmful: it may open a case and glue others
     * @param strongIdentifiers    identifiers that link items on their own (a phone number, an e-mail address)
     * @param weakIdentifiers      identifiers that link only when {@code weakAgreement} of them agree on one case
     * @param weakAgreement        at least 2: a case never grows on a single weak identifier
     * @param benignMinChats       an identifier or image seen in this many chats ...
     * @param benignMaxHarmfulShare ... with harmful evidence in less than this share of them is benign: it links nothing
     * @param followImageMinutes   a message with identifiers joins the case of its sender's image posted this close to it (before or after, by sentAt)
     * @param chatWeight           case score: added per chat beyond the first
     * @param reachWeight          case score: added per tenfold of the members reached, from 1,000
     * @param maxSpread            case score: at most this much is added for spread
     */
    public record Cases(Set<ContentCategory> categories, Set<PersonalDataType> strongIdentifiers,
                        Set<PersonalDataType> weakIdentifiers, int weakAgreement, int benignMinChats, double benignMaxHarmfulShare,
                        int followImageMinutes, double chatWeight, double reachWeight, double maxSpread) {
    }

    /**
     * How a re-created chat is recognised.
     *
     * @param weights                 per kind of evidence (same-owner, shared-admins, ...): what it adds to the score
     * @param minScore                a lineage is written from this score ...
     * @param minEvidenceKinds        ... and this many kinds of evidence (timing alone never counts as one)
     * @param similarTitleMin         normalised titles this similar (0-1) are evidence
     * @param sharedSendersMinOverlap the share of the smaller chat's active senders also active in the other
     * @param sharedSendersMinCount   and at least this many of them (estimated): a few members in common are no lineage
     * @param sharedMediaMinClusters  media clusters of the old chat reposted in the new one
     * @param memeMaxChats            a cluster in more chats than this is a meme: no lineage evidence
     * @param takedownWindowDays      a chat that appears this soon after a takedown
     * @param flaggedMinHarmfulItems  a chat with this many harmful items counts as flagged (a possible predecessor)
     * @param youngChatDays           a chat this many days from its appearance is still checked as a possible re-creation
     *                                whenever its senders change; older ones only when what lineage compares changes
     */
    public record Lineage(Map<String, Double> weights, double minScore, int minEvidenceKinds, double similarTitleMin,
                          double sharedSendersMinOverlap, int sharedSendersMinCount, int sharedMediaMinClusters, int memeMaxChats,
                          int takedownWindowDays, int flaggedMinHarmfulItems, int youngChatDays) {

        public static final List<String> EVIDENCE_KINDS = List.of("same-owner", "shared-admins", "shared-senders", "similar-title",
                "invite-link", "same-photo", "shared-media", "after-takedown");

        public double weight(String kind) {
            return weights.get(kind);
        }
    }
}
