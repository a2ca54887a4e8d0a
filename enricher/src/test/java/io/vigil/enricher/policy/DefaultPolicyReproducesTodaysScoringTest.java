package io.vigil.enricher.policy;

import io.vigil.enricher.steps.RiskAssessmentStep;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.Detection;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.NudityScores;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.TextSignal;
import io.vigil.schemas.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The default policy scores every message exactly as the enricher did before policies were rules (the oracle is
 * that code, kept in {@link TodaysScorer}), as long as the network's memory adds nothing: a first sighting, no case
 * spread, no lineage, no strikes of Vigil's own.
 */
class DefaultPolicyReproducesTodaysScoringTest {

    private static final PolicyEvaluator DEFAULT = new PolicyEvaluator(PolicyParser.defaultPolicy());

    @Test
    void tenThousandGeneratedMessagesScoreTheSameReasonsLevelsAndCategoriesAsBefore() {
        Random random = new Random(20260301);
        int withEvidence = 0;
        for (int n = 0; n < 10_000; n++) {
            Detection detection = detection(random);
            Optional<GroupMetadata> group = random.nextInt(5) == 0 ? Optional.empty() : Optional.of(group(random));

            TodaysScorer.Score expected = TodaysScorer.score(detection, group);
            Evaluation actual = DEFAULT.evaluate(RiskAssessmentStep.facts(detection, group));

            int index = n;
            java.util.function.Supplier<String> what = () -> "message " + index + ": " + detection;
            assertThat(actual.score()).as(what).isCloseTo(expected.value(), within(1e-12));
            assertThat(actual.level()).as(what).isEqualTo(expected.level());
            assertThat(actual.categories()).as(what).isEqualTo(expected.categories());
            assertThat(actual.terms()).as(what).hasSameSizeAs(expected.terms());
            for (int t = 0; t < expected.terms().size(); t++) {
                assertThat(actual.terms().get(t).code()).as(what).isEqualTo(expected.terms().get(t).code());
                assertThat(actual.terms().get(t).description()).as(what).isEqualTo(expected.terms().get(t).description());
                assertThat(actual.terms().get(t).contribution()).as(what).isCloseTo(expected.terms().get(t).contribution(), within(1e-12));
            }
            assertThat(actual.queueHint()).isEmpty();
            withEvidence += expected.value() > 0 ? 1 : 0;
        }
        assertThat(withEvidence).as("the generator must exercise scored messages, not only empty ones").isGreaterThan(5_000);
    }

    private static Detection detection(Random random) {
        int items = random.nextInt(4);
        List<MediaSignal> media = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            List<HashMatch> matches = new ArrayList<>();
            for (int m = random.nextInt(3) == 0 ? random.nextInt(3) : 0; m > 0; m--) {
                ContentCategory category = pick(random, ContentCategory.values());
                SignalType signal = pick(random, new SignalType[]{SignalType.PDQ, SignalType.MD5, SignalType.SHA256});
                matches.add(HashMatch.newBuilder().setBankId("bank-" + random.nextInt(3)).setEntryId("e" + random.nextInt(100))
                        .setCategory(category).setSource(pick(random, BankSource.values())).setSignalType(signal)
                        .setDistance(signal == SignalType.PDQ ? random.nextInt(32) : 0).build());
            }
            NudityScores nudity = random.nextBoolean() ? null : NudityScores.newBuilder().setModel("nsfwjs-mobilenet-v2")
                    .setScores(Map.of()).setExplicit(random.nextBoolean() ? 0.8 + random.nextDouble() * 0.2 : random.nextDouble())
                    .setSuggestive(random.nextDouble()).setDrawn(random.nextDouble()).setNeutral(random.nextDouble()).build();
            media.add(MediaSignal.newBuilder().setMediaId("m" + i).setKind(MediaKind.PHOTO).setMatches(matches).setNudity(nudity).build());
        }
        TextSignal text = null;
        if (random.nextBoolean()) {
            List<PersonalDataEntity> entities = new ArrayList<>();
            for (int e = random.nextInt(3); e > 0; e--) {
                entities.add(PersonalDataEntity.newBuilder().setType(pick(random, PersonalDataType.values())).setStart(0).setEnd(5)
                        .setConfidence(0.9).setKeyedHash(Long.toHexString(random.nextLong())).setMaskedPreview("•••").build());
            }
            text = TextSignal.newBuilder().setDoxxing(random.nextBoolean()).setScore(random.nextDouble())
                    .setReasons(random.nextBoolean() ? List.of("targeting language about someone else") : List.of()).setEntities(entities).build();
        }
        return Detection.newBuilder().setPlatform("telegram").setChatId("c").setMessageId("m").setSenderId("s")
                .setSentAt(Instant.EPOCH).setDetectedAt(Instant.EPOCH)
                .setForwardedFromChatId(random.nextInt(4) == 0 ? "other" : null).setMedia(media).setText(text).build();
    }

    private static GroupMetadata group(Random random) {
        long members = random.nextBoolean() ? 999 + random.nextInt(3) : (long) Math.pow(10, 1 + random.nextDouble() * 5);
        return GroupMetadata.newBuilder().setPlatform("telegram").setChatId("c").setKind(pick(random, ChatKind.values()))
                .setVisibility(pick(random, Visibility.values())).setMemberCount(members).setStrikeCount(random.nextInt(6))
                .setUpdatedAt(Instant.EPOCH).build();
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
