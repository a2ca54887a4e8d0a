package io.vigil.enricher;

import io.vigil.enricher.policy.Policy;
import io.vigil.enricher.policy.PolicyParser;
import io.vigil.pdq.Hash256;
import io.vigil.pdq.testing.RandomHashes;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.LineageEvidence;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.RuleHit;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static io.vigil.enricher.Messages.Image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The scenario end to end in the enricher: an image and then the victim's number in chat A; a resized copy
 * with the number written differently in chat B two days later; A taken down and re-created as C by the same owner,
 * where a mirrored copy appears; a moderator's confirmation in A; a benign market whose photos and shop numbers go
 * round several chats; and a shadow rule that changes nothing but is counted.
 */
class NetworkScenarioTest {

    private static final Instant T0 = Instant.parse("2026-03-01T20:00:00Z");
    private static final String A = "-1001001";
    private static final String B = "-1002002";
    private static final String C = "-1003003";
    private static final String D = "-1004004";
    private static final String OWNER = "u-owner";
    private static final String INVITE_TO_C = "https://t.me/+NewChicas2x";
    /** The victim's number as the detector hashes it: normalised to E.164 first, however it was written. */
    private static final PersonalDataEntity VICTIM_PHONE = Messages.entity(PersonalDataType.PHONE, "+34612489037");
    private static final PersonalDataEntity SHOP_PHONE = Messages.entity(PersonalDataType.PHONE, "+34915550101");
    private static final Hash256 P = RandomHashes.random(new Random(7));
    private static final Image ORIGINAL = Image.of("original", P);
    private static final Image RESIZED = new Image(Messages.sha256("resized"), RandomHashes.near(P, 9, new Random(8)), List.of(), 88);
    private static final Image MIRRORED = ORIGINAL.mirrored("mirrored");

    @Test
    void oneClusterOneCaseLineageOfAStayDownMatchAndNothingForTheMarket() {
        try (EnricherHarness harness = new EnricherHarness()) {
            Played played = play(harness);
            Map<String, RiskAssessment> out = played.assessments();

            // One cluster over A, B and C (the resized copy by PDQ, the mirrored one through its dihedral variants).
            ClusterSighting inA = cluster(out.get(A + "/img"));
            ClusterSighting inB = cluster(out.get(B + "/img"));
            ClusterSighting inC = cluster(out.get(C + "/img"));
            assertThat(List.of(inB.getClusterId(), inC.getClusterId())).containsOnly(inA.getClusterId());
            assertThat(inA.getChats()).isEqualTo(1);
            assertThat(inA.getNewChat()).isFalse();
            assertThat(inB.getChats()).isEqualTo(2);
            assertThat(inB.getNewChat()).isTrue();
            assertThat(inB.getReach()).isEqualTo(12_000 + 8_000);
            assertThat(inC.getChats()).isEqualTo(3);
            assertThat(inC.getReach()).isEqualTo(12_000 + 8_000 + 3_000);
            assertThat(inC.getFirstChatId()).isEqualTo(A);
            assertThat(inC.getFirstSeen()).isEqualTo(T0);
            assertThat(out.get(B + "/img").getReasons()).extracting(RiskReason::getCode).contains("spread_to_new_chat", "wide_reach");

            // One case over the images and the number in A and B (written differently in B) and the copy in C.
            CaseSummary caseOfA = out.get(A + "/img").getNetwork().getVictimCase();
            assertThat(List.of(out.get(A + "/phone"), out.get(B + "/img"), out.get(B + "/phone"), out.get(C + "/img")))
                    .extracting(a -> a.getNetwork().getVictimCase().getCaseId()).containsOnly(caseOfA.getCaseId());
            CaseSummary latest = out.get(C + "/img").getNetwork().getVictimCase();
            assertThat(latest.getItems()).isEqualTo(5);
            assertThat(latest.getChats()).isEqualTo(3);
            assertThat(latest.getReach()).isEqualTo(23_000);
            assertThat(latest.getClusters()).isEqualTo(1);
            assertThat(latest.getIdentifiers()).isEqualTo(1);
            assertThat(latest.getSummary()).isEqualTo("this person's data and images: 3 groups, 23,000 members reached, first seen 2026-03-01"
                    + " (5 items, 1 image, 1 identifier)");
            // The most severe item (the doxxing, 0.75) raised by spread (3 chats, 23,000 reached), capped at 0.15.
            assertThat(latest.getScore()).isCloseTo(0.75 + 0.15, within(1e-9));
            assertThat(out.get(A + "/chatter-3").getNetwork().getVictimCase()).as("small talk in A concerns nobody").isNull();

            // C is lineage of A (re-created after the takedown), with its evidence, and inherits A's strikes.
            List<LineageRecord> lineage = harness.lineage.readValuesToList();
            LineageRecord ofC = lineage.stream().filter(r -> r.getChatId().equals(C)).reduce((a, b) -> b).orElseThrow();
            assertThat(ofC.getPredecessorChatId()).isEqualTo(A);
            assertThat(ofC.getRelation()).isEqualTo("recreation");
            assertThat(ofC.getScore()).isGreaterThanOrEqualTo(0.8);
            assertThat(ofC.getEvidence()).extracting(LineageEvidence::getCode)
                    .contains("same_owner", "similar_title", "invite_link", "shared_senders", "after_takedown");
            assertThat(ofC.getInheritedStrikes()).as("A's platform strike and the confirmed decision in A").isEqualTo(2);
            assertThat(ofC.getPredecessorTakenDownAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
            assertThat(lineage).as("nothing else is lineage: not B (shares an image and the number), not the market chats")
                    .allSatisfy(r -> assertThat(r.getChatId()).isEqualTo(C));
            RiskAssessment inRecreated = out.get(C + "/img");
            assertThat(inRecreated.getNetwork().getLineage().getPredecessorChatId()).isEqualTo(A);
            assertThat(inRecreated.getNetwork().getLineage().getSummary()).startsWith("Re-creates \"Chicas Madrid 🔥\" (" + A
                    + "), taken down 2026-03-02");
            assertThat(inRecreated.getNetwork().getVigilStrikes()).isEqualTo(2);
            assertThat(inRecreated.getNetwork().getOwnStrikes()).isZero();
            assertThat(inRecreated.getReasons()).extracting(RiskReason::getCode).contains("recreated_chat", "vigil_strikes");

            // The confirmation in A is a platform bank entry with its provenance; a copy in a fourth chat says so.
            List<HashBankEntry> bank = played.bank();
            assertThat(bank).extracting(HashBankEntry::getValue).containsExactlyInAnyOrder(ORIGINAL.sha256(), P.toHex());
            assertThat(bank).allSatisfy(entry -> {
                assertThat(entry.getSource()).isEqualTo(BankSource.PLATFORM);
                assertThat(entry.getCategory()).isEqualTo(ContentCategory.NCII);
                assertThat(entry.getBankId()).isEqualTo("vigil-confirmed-ncii");
                assertThat(entry.getMetadata()).containsEntry("provenance",
                        "confirmed by a moderator on 2026-03-02 in chat \"Chicas Madrid 🔥\" (" + A + ")");
            });
            RiskAssessment inD = out.get(D + "/img");
            assertThat(inD.getLevel()).isEqualTo(RiskLevel.CRITICAL);
            assertThat(inD.getReasons()).extracting(RiskReason::getDescription).anySatisfy(d -> assertThat(d)
                    .endsWith("(source platform, SHA-256 exact hash); confirmed by a moderator on 2026-03-02 in chat \"Chicas Madrid 🔥\" (" + A + ")"));

            // The market: photos and a shop's number in six chats make no case and nothing to queue.
            for (int m = 0; m < 6; m++) {
                for (String item : List.of("/photo", "/number")) {
                    RiskAssessment market = out.get("market-" + m + item);
                    assertThat(market.getNetwork().getVictimCase()).as("market-%d%s", m, item).isNull();
                    assertThat(market.getScore()).isZero();
                    assertThat(market.getLevel()).isEqualTo(RiskLevel.NONE);
                }
            }

            assertThat(out.values()).allSatisfy(a -> assertThat(a.getPolicyVersion()).startsWith("vigil-default-2+"));
            assertThat(harness.deadLetters.isEmpty()).isTrue();
        }
    }

    @Test
    void aShadowRuleChangesNothingButIsCountedAndRecorded() throws IOException {
        Map<String, RiskAssessment> acting;
        try (EnricherHarness harness = new EnricherHarness()) {
            acting = play(harness).assessments();
        }
        Policy withShadow = PolicyParser.parse(defaultPolicyWith("""
                  - name: spread-trial
                    shadow: true
                    when: {cluster.chats: {at-least: 2}}
                    add: 0.2
                    queue: urgent
                    reason: "Trial: spread to {cluster.chats} chats"
                """).getBytes(StandardCharsets.UTF_8), "test");
        try (EnricherHarness harness = new EnricherHarness(withShadow, Set.of())) {
            Map<String, RiskAssessment> shadowed = play(harness).assessments();

            assertThat(shadowed.keySet()).isEqualTo(acting.keySet());
            for (String item : acting.keySet()) {
                RiskAssessment before = acting.get(item);
                RiskAssessment after = shadowed.get(item);
                assertThat(after.getScore()).as(item).isEqualTo(before.getScore());
                assertThat(after.getLevel()).as(item).isEqualTo(before.getLevel());
                assertThat(after.getReasons()).as(item).isEqualTo(before.getReasons());
                assertThat(after.getQueueHint()).as(item).isEqualTo(before.getQueueHint());
            }
            List<RuleHit> hits = shadowed.values().stream().flatMap(a -> a.getNetwork().getRuleHits().stream())
                    .filter(h -> h.getRule().equals("spread-trial")).toList();
            assertThat(hits).isNotEmpty().allSatisfy(h -> {
                assertThat(h.getShadow()).isTrue();
                assertThat(h.getOutcome()).startsWith("would add");
                assertThat(h.getQueue()).isEqualTo("urgent");
            });
            assertThat(harness.counter("vigil.policy.rule.hits", "rule", "spread-trial", "shadow", "true")).isEqualTo(hits.size());
            assertThat(shadowed.get(B + "/img").getNetwork().getRuleHits()).extracting(RuleHit::getRule).contains("spread-trial");
            assertThat(shadowed.get(B + "/img").getNetwork().getRuleHits()).filteredOn(RuleHit::getShadow)
                    .extracting(RuleHit::getContribution).first().satisfies(c -> assertThat((double) c).isCloseTo(
                            Math.min(0.2, 1 - shadowed.get(B + "/img").getScore()), within(1e-9)));
        }
    }

    private record Played(Map<String, RiskAssessment> assessments, List<HashBankEntry> bank) {
    }

    /** Plays the scenario; returns each assessment by chat/item, and what was written to the hash-bank topic. */
    private static Played play(EnricherHarness h) {
        Map<String, RiskAssessment> out = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        h.groups.pipeInput(A, Messages.group(A, 12_000).setTitle("Chicas Madrid 🔥").setOwnerId(OWNER).setAdminIds(List.of("u-admin1"))
                .setStrikeCount(1).setCountryHint("ES").setCreatedAt(T0.minus(Duration.ofDays(30))).build());
        h.groups.pipeInput(B, Messages.group(B, 8_000).setTitle("Amigas Sevilla").setOwnerId("u-other").setCountryHint("ES")
                .setCreatedAt(T0.minus(Duration.ofDays(90))).build());
        h.events.pipeInput(A, Messages.event(A, GroupEventKind.CREATED, T0.minus(Duration.ofDays(30)), OWNER));
        for (int s = 2; s <= 12; s++) {
            send(h, A, "chatter-" + s, Messages.detection(A, "chatter-" + s, "s-" + s, T0.minus(Duration.ofHours(s))).build(), order);
        }
        send(h, A, "img", Messages.image(A, "img", "s-1", T0, ORIGINAL, 0.93), order);
        send(h, A, "phone", Messages.text(A, "phone", "s-1", T0.plus(Duration.ofMinutes(1)), true, VICTIM_PHONE), order);
        GroupEvent pin = Messages.event(A, GroupEventKind.MESSAGE_PINNED, T0.plus(Duration.ofHours(2)), "u-admin1");
        pin.setLinks(List.of(INVITE_TO_C));
        h.events.pipeInput(A, pin);
        h.decisions.pipeInput(A, Messages.confirm(A, "img", "d-1", T0.plus(Duration.ofHours(20)), ORIGINAL));

        Instant takedown = T0.plus(Duration.ofDays(1));
        h.events.pipeInput(A, Messages.event(A, GroupEventKind.TAKEN_DOWN, takedown, null));
        h.groups.pipeInput(A, Messages.group(A, 12_000).setTitle("Chicas Madrid 🔥").setOwnerId(OWNER).setAdminIds(List.of("u-admin1"))
                .setStrikeCount(1).setCountryHint("ES").setCreatedAt(T0.minus(Duration.ofDays(30))).setStatus(GroupStatus.TAKEN_DOWN)
                .setTakenDownAt(takedown).build());

        Instant inB = T0.plus(Duration.ofDays(2));
        send(h, B, "img", Messages.image(B, "img", "s-20", inB, RESIZED, 0.85), order);
        send(h, B, "phone", Messages.text(B, "phone", "s-20", inB.plus(Duration.ofMinutes(1)), true, VICTIM_PHONE), order);

        Instant cCreated = inB.plus(Duration.ofHours(3));
        h.groups.pipeInput(C, Messages.group(C, 3_000).setTitle("Chicas Madrid 2.0 (backup)").setOwnerId(OWNER)
                .setInviteLinks(List.of(INVITE_TO_C)).setCountryHint("ES").setCreatedAt(cCreated).build());
        h.events.pipeInput(C, Messages.event(C, GroupEventKind.CREATED, cCreated, OWNER));
        for (int s = 1; s <= 10; s++) {
            send(h, C, "chatter-" + s, Messages.detection(C, "chatter-" + s, "s-" + s, cCreated.plus(Duration.ofMinutes(s))).build(), order);
        }
        send(h, C, "img", Messages.image(C, "img", "s-3", cCreated.plus(Duration.ofHours(2)), MIRRORED, 0.9), order);

        // A fourth chat: the detector matched the stay-down entry (its provenance travels in the match).
        List<HashBankEntry> bank = h.hashBank.readValuesToList();
        HashBankEntry entry = bank.stream().filter(e -> e.getValue().equals(ORIGINAL.sha256())).findFirst().orElseThrow();
        h.groups.pipeInput(D, Messages.group(D, 500).build());
        Detection copyInD = Messages.detection(D, "img", "s-40", cCreated.plus(Duration.ofDays(3)))
                .setMedia(List.of(ORIGINAL.signal(-1))).build();
        copyInD.getMedia().get(0).setMatches(List.of(Messages.bankMatch(ContentCategory.NCII, BankSource.PLATFORM,
                entry.getMetadata().get("provenance"))));
        copyInD.getMedia().get(0).getMatches().get(0).setBankId(entry.getBankId());
        send(h, D, "img", copyInD, order);

        for (int m = 0; m < 6; m++) {
            String market = "market-" + m;
            h.groups.pipeInput(market, Messages.group(market, 900).setTitle("Mercadillo " + m).build());
            send(h, market, "photo", Messages.image(market, "photo", "shop", T0.plus(Duration.ofHours(m)),
                    Image.of("stall photo " + m, RandomHashes.random(new Random(100 + m))), 0.02), order);
            send(h, market, "number", Messages.text(market, "number", "shop", T0.plus(Duration.ofHours(m)).plusSeconds(30), false, SHOP_PHONE), order);
        }
        List<RiskAssessment> assessments = h.assessments.readValuesToList();
        assertThat(assessments).hasSameSizeAs(order);
        for (RiskAssessment a : assessments) {
            out.put(a.getChatId() + "/" + a.getMessageId(), a);
        }
        assertThat(assessments.stream().map(a -> a.getChatId() + "/" + a.getMessageId()).collect(Collectors.toList()))
                .as("every chat's messages come out in the order they went in").isEqualTo(order);
        return new Played(out, bank);
    }

    private static void send(EnricherHarness h, String chat, String item, Detection detection, List<String> order) {
        h.detections.pipeInput(chat, detection);
        order.add(chat + "/" + item);
    }

    private static ClusterSighting cluster(RiskAssessment a) {
        assertThat(a.getNetwork().getClusters()).hasSize(1);
        return a.getNetwork().getClusters().get(0);
    }

    static String defaultPolicyWith(String extraRules) throws IOException {
        try (InputStream in = PolicyParser.class.getResourceAsStream(PolicyParser.DEFAULT_RESOURCE)) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return yaml.replace("\ncases:\n", "\n" + extraRules + "\ncases:\n");
        }
    }
}
