package io.vigil.enricher.policy;

import io.vigil.enricher.evidence.EvidenceExtraction;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Detection;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.Visibility;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PolicyEvaluatorTest {

    @Test
    void contextAndTheNetworkAloneNeverScore() {
        PolicyEvaluator policy = new PolicyEvaluator(PolicyParser.defaultPolicy());
        MessageFacts nothingFound = facts(Optional.of(new GroupFacts(ChatKind.CHANNEL, Visibility.PUBLIC, 1_000_000, 5)), true)
                .withNetwork(new NetworkView(List.of(), Optional.of(bigCase()), Optional.empty(), 3, 3, Optional.empty()));

        Evaluation evaluation = policy.evaluate(nothingFound);

        assertThat(evaluation.score()).isZero();
        assertThat(evaluation.level()).isEqualTo(RiskLevel.NONE);
        assertThat(evaluation.terms()).isEmpty();
    }

    @Test
    void aShadowRuleIsRecordedWithWhatItWouldHaveDoneAndChangesNothing() throws IOException {
        Policy shadowed = PolicyParser.parse(with("""
                  - name: forwarded-trial
                    shadow: true
                    when: {forwarded: true}
                    add: 0.3
                    queue: urgent
                    level: CRITICAL
                    reason: Trial
                """).getBytes(StandardCharsets.UTF_8), "test");
        MessageFacts facts = facts(Optional.empty(), true, bank(ContentCategory.NCII));

        Evaluation plain = new PolicyEvaluator(PolicyParser.defaultPolicy()).evaluate(facts);
        Evaluation trial = new PolicyEvaluator(shadowed).evaluate(facts);

        assertThat(trial.score()).isEqualTo(plain.score());
        assertThat(trial.level()).isEqualTo(plain.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(trial.terms()).isEqualTo(plain.terms());
        assertThat(trial.queueHint()).isEmpty();
        assertThat(trial.hits()).filteredOn(Evaluation.Hit::shadow).singleElement().satisfies(hit -> {
            assertThat(hit.rule()).isEqualTo("forwarded-trial");
            assertThat(hit.outcome()).isEqualTo("would add 0.07: Trial");
            assertThat(hit.contribution()).isCloseTo(1 - 0.93, within(1e-9));
            assertThat(hit.queue()).contains("urgent");
        });
    }

    @Test
    void theFirstActingRuleThatNamesAQueueGivesTheHintAndLevelsCanBeRaised() throws IOException {
        String yaml = PolicyParserTest.defaultYaml()
                .replace("    when: {category: [CSAM]}\n    severity: 1.0\n", "    when: {category: [CSAM]}\n    severity: 1.0\n    queue: csam\n")
                .replace("    when: {category: [OTHER]}\n    severity: 0.4\n", "    when: {category: [OTHER]}\n    severity: 0.4\n    queue: review\n    level: HIGH\n");
        PolicyEvaluator policy = new PolicyEvaluator(PolicyParser.parse(yaml.getBytes(StandardCharsets.UTF_8), "test"));

        Evaluation other = policy.evaluate(facts(Optional.empty(), false, bank(ContentCategory.OTHER)));
        Evaluation both = policy.evaluate(facts(Optional.empty(), false, bank(ContentCategory.OTHER), bank(ContentCategory.CSAM)));

        assertThat(other.score()).isEqualTo(0.4);
        assertThat(other.level()).as("raised from MEDIUM by the rule's level").isEqualTo(RiskLevel.HIGH);
        assertThat(other.queueHint()).contains("review");
        assertThat(both.queueHint()).as("CSAM's rule comes first in the policy").contains("csam");
    }

    @Test
    void networkRulesAddTheirWeightToAScoredMessageWithTheirReasons() {
        PolicyEvaluator policy = new PolicyEvaluator(PolicyParser.defaultPolicy());
        var lineage = io.vigil.schemas.LineageNotice.newBuilder().setPredecessorChatId("-100A").setRelation("recreation").setScore(0.9)
                .setSummary("Re-creates \"A\" (-100A)").setInheritedStrikes(2).build();
        MessageFacts facts = facts(Optional.empty(), false, bank(ContentCategory.PLATFORM_TAKEDOWN))
                .withNetwork(new NetworkView(List.of(), Optional.of(bigCase()), Optional.of(lineage), 1, 2, Optional.empty()));

        Evaluation evaluation = policy.evaluate(facts);

        assertThat(evaluation.terms()).extracting(Evaluation.Term::code)
                .containsExactly("bank_match", "group_unknown", "victim_case", "recreated_chat", "vigil_strikes");
        assertThat(evaluation.terms()).extracting(Evaluation.Term::description).contains("Case case-1: this person's data",
                "Re-creates \"A\" (-100A)",
                "Vigil counts 3 confirmed violation(s) against this chat and its lineage (1 here, 2 inherited)");
        assertThat(evaluation.score()).isCloseTo(0.6 + 0.03 + 0.05 + 0.06, within(1e-9));
    }

    private static CaseSummary bigCase() {
        return CaseSummary.newBuilder().setCaseId("case-1").setItems(9).setChats(4).setReach(60_000).setFirstSeen(Instant.EPOCH)
                .setLastSeen(Instant.EPOCH).setScore(1).setSummary("this person's data").build();
    }

    private static String with(String rules) throws IOException {
        return PolicyParserTest.defaultYaml().replace("\ncases:\n", "\n" + rules + "\ncases:\n");
    }

    private static HashMatch bank(ContentCategory category) {
        return HashMatch.newBuilder().setBankId("b").setEntryId("e").setCategory(category).setSource(BankSource.STOPNCII)
                .setSignalType(SignalType.SHA256).build();
    }

    private static MessageFacts facts(Optional<GroupFacts> group, boolean forwarded, HashMatch... matches) {
        Detection d = Detection.newBuilder().setPlatform("telegram").setChatId("c").setMessageId("m").setSenderId("s")
                .setSentAt(Instant.EPOCH).setDetectedAt(Instant.EPOCH).setForwardedFromChatId(forwarded ? "x" : null)
                .setMedia(matches.length == 0 ? List.of() : List.of(MediaSignal.newBuilder().setMediaId("a").setKind(MediaKind.PHOTO)
                        .setMatches(List.of(matches)).build())).build();
        return new MessageFacts(EvidenceExtraction.findings(d), group, forwarded, Optional.empty(), NetworkView.NOT_ASKED);
    }
}
