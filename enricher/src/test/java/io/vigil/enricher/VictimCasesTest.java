package io.vigil.enricher;

import io.vigil.enricher.policy.PolicyParser;
import io.vigil.pdq.testing.RandomHashes;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.RiskAssessment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.vigil.enricher.Messages.Image;
import static org.assertj.core.api.Assertions.assertThat;

/** Victim cases: what links items about one person across chats, and the guards that keep other people out. */
class VictimCasesTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final PersonalDataEntity PHONE = Messages.entity(PersonalDataType.PHONE, "+34612489037");

    @Test
    void theNumberPostedRightAfterAnImageJoinsThatImagesCaseAndFollowsItToOtherChats() {
        try (EnricherHarness h = new EnricherHarness()) {
            Image image = Image.of("photo", RandomHashes.random(new Random(1)));
            h.groups.pipeInput("a", Messages.group("a", 1_000).build());
            h.groups.pipeInput("b", Messages.group("b", 4_000).build());
            // The image alone is not harmful (the classifier is unsure); the number after it is doxxing.
            h.detections.pipeInput("a", Messages.image("a", "1", "s", T, image, 0.3));
            h.detections.pipeInput("a", Messages.text("a", "2", "s", T.plusSeconds(40), true, PHONE));
            h.detections.pipeInput("b", Messages.image("b", "3", "t", T.plus(Duration.ofDays(1)), image, 0.3));

            List<RiskAssessment> out = h.assessments.readValuesToList();
            assertThat(out.get(0).getNetwork().getVictimCase()).as("no harm seen yet").isNull();
            CaseSummary afterNumber = out.get(1).getNetwork().getVictimCase();
            assertThat(afterNumber.getClusters()).isEqualTo(1);
            assertThat(afterNumber.getIdentifiers()).isEqualTo(1);
            CaseSummary inB = out.get(2).getNetwork().getVictimCase();
            assertThat(inB.getCaseId()).as("the image joined the number's case").isEqualTo(afterNumber.getCaseId());
            assertThat(inB.getChats()).isEqualTo(2);
            assertThat(inB.getReach()).isEqualTo(5_000);
            assertThat(inB.getItems()).isEqualTo(2);
        }
    }

    @Test
    void aNumberPostedByAnotherSenderOrLongAfterDoesNotPickUpTheImage() {
        try (EnricherHarness h = new EnricherHarness()) {
            Image image = Image.of("photo", RandomHashes.random(new Random(2)));
            h.detections.pipeInput("a", Messages.image("a", "1", "s", T, image, 0.3));
            h.detections.pipeInput("a", Messages.text("a", "2", "other", T.plusSeconds(30), true, PHONE));
            h.detections.pipeInput("a", Messages.text("a", "3", "s", T.plus(Duration.ofHours(2)), true,
                    Messages.entity(PersonalDataType.EMAIL, "x@example.org")));

            List<RiskAssessment> out = h.assessments.readValuesToList();
            assertThat(out.get(1).getNetwork().getVictimCase().getClusters()).isZero();
            assertThat(out.get(2).getNetwork().getVictimCase().getClusters()).isZero();
            assertThat(out.get(2).getNetwork().getVictimCase().getCaseId()).isNotEqualTo(out.get(1).getNetwork().getVictimCase().getCaseId());
        }
    }

    @Test
    void aShopsNumberSeenInManyChatsWithoutHarmGluesNothingAndAnInstitutionsLineNeither() {
        PersonalDataEntity shop = Messages.entity(PersonalDataType.PHONE, "+34915550101");
        PersonalDataEntity police = Messages.entity(PersonalDataType.PHONE, "+34091");
        try (EnricherHarness h = new EnricherHarness(PolicyParser.defaultPolicy(), Set.of(police.getKeyedHash()))) {
            for (int chat = 0; chat < 5; chat++) {
                h.detections.pipeInput("market-" + chat, Messages.text("market-" + chat, "ad", "shop", T.plusSeconds(chat), false, shop));
            }
            // Two doxxing messages about two different people, each also carrying the shop's number and the police line.
            h.detections.pipeInput("x", Messages.text("x", "1", "s1", T.plusSeconds(60), true, shop, police,
                    Messages.entity(PersonalDataType.EMAIL, "first@example.org")));
            h.detections.pipeInput("y", Messages.text("y", "2", "s2", T.plusSeconds(90), true, shop, police,
                    Messages.entity(PersonalDataType.EMAIL, "second@example.org")));

            List<RiskAssessment> out = h.assessments.readValuesToList();
            assertThat(out.subList(0, 5)).allSatisfy(a -> assertThat(a.getNetwork().getVictimCase()).isNull());
            CaseSummary first = out.get(5).getNetwork().getVictimCase();
            CaseSummary second = out.get(6).getNetwork().getVictimCase();
            assertThat(second.getCaseId()).isNotEqualTo(first.getCaseId());
            assertThat(second.getItems()).isEqualTo(1);
            assertThat(first.getIdentifiers()).as("only the e-mail: the shop's number and the police line glue nothing").isEqualTo(1);
        }
    }

    @Test
    void aSingleWeakIdentifierNeverLinksButTwoThatAgreeDo() {
        PersonalDataEntity address = Messages.entity(PersonalDataType.ADDRESS, "calle mayor 5, madrid");
        PersonalDataEntity name = Messages.entity(PersonalDataType.PERSON_NAME, "lucia garcia");
        try (EnricherHarness h = new EnricherHarness()) {
            h.detections.pipeInput("a", Messages.text("a", "1", "s", T, true, Messages.entity(PersonalDataType.EMAIL, "l@example.org"),
                    address, name));
            h.detections.pipeInput("b", Messages.text("b", "2", "t", T.plusSeconds(10), true, address));
            h.detections.pipeInput("c", Messages.text("c", "3", "u", T.plusSeconds(20), true, address, name));

            List<RiskAssessment> out = h.assessments.readValuesToList();
            String caseOfA = out.get(0).getNetwork().getVictimCase().getCaseId();
            assertThat(out.get(1).getNetwork().getVictimCase().getCaseId()).as("an address alone").isNotEqualTo(caseOfA);
            assertThat(out.get(2).getNetwork().getVictimCase().getCaseId()).as("address and name together").isEqualTo(caseOfA);
        }
    }

    @Test
    void anItemThatLinksTwoCasesMergesThemAndTheMergedIdIsKept() {
        PersonalDataEntity email = Messages.entity(PersonalDataType.EMAIL, "l@example.org");
        PersonalDataEntity handle = Messages.entity(PersonalDataType.SOCIAL_HANDLE, "instagram:lucia.g");
        try (EnricherHarness h = new EnricherHarness()) {
            h.detections.pipeInput("a", Messages.text("a", "1", "s", T, true, email));
            h.detections.pipeInput("a", Messages.text("a", "2", "s", T.plusSeconds(5), true, email));
            h.detections.pipeInput("b", Messages.text("b", "3", "t", T.plusSeconds(10), true, handle));
            h.detections.pipeInput("c", Messages.text("c", "4", "u", T.plusSeconds(20), true, email, handle));

            List<RiskAssessment> out = h.assessments.readValuesToList();
            String larger = out.get(0).getNetwork().getVictimCase().getCaseId();
            String smaller = out.get(2).getNetwork().getVictimCase().getCaseId();
            CaseSummary merged = out.get(3).getNetwork().getVictimCase();
            assertThat(merged.getCaseId()).isEqualTo(larger);
            assertThat(merged.getMergedCaseIds()).containsExactly(smaller);
            assertThat(merged.getItems()).isEqualTo(4);
            assertThat(merged.getChats()).isEqualTo(3);
            assertThat(merged.getIdentifiers()).isEqualTo(2);
        }
    }

    @Test
    void aHarmlessMessageNeverJoinsACaseThroughAnIdentifierAlone() {
        try (EnricherHarness h = new EnricherHarness()) {
            h.detections.pipeInput("a", Messages.text("a", "1", "s", T, true, PHONE));
            h.detections.pipeInput("b", Messages.text("b", "2", "t", T.plusSeconds(10), false, PHONE));

            assertThat(h.assessments.readValuesToList().get(1).getNetwork().getVictimCase()).isNull();
        }
    }
}
