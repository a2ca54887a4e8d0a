package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.DetectedEntity;
import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.TextScan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationTest {

    private static LabelledMessage message(boolean doxxing, LabelledMessage.GoldSpan... spans) {
        return new LabelledMessage("m", "es", "ES", "dev", doxxing, false, "c", "x".repeat(100), List.of(spans));
    }

    private static DetectedEntity entity(EntityType type, int start, int end) {
        return new DetectedEntity(type, start, end, 0.9, "f", "h", "p");
    }

    @Test
    void lenientMatchNeedsHalfTheUnionAndTheSameType() {
        Evaluation e = new Evaluation();
        e.add(message(true, new LabelledMessage.GoldSpan(EntityType.ADDRESS, 10, 30)),
                new TextScan(List.of(entity(EntityType.ADDRESS, 10, 25)), 0.9, true, List.of()));
        e.add(message(true, new LabelledMessage.GoldSpan(EntityType.ADDRESS, 10, 30)),
                new TextScan(List.of(entity(EntityType.ADDRESS, 25, 40)), 0.9, false, List.of()));
        e.add(message(false, new LabelledMessage.GoldSpan(EntityType.PHONE, 0, 9)),
                new TextScan(List.of(entity(EntityType.NATIONAL_ID, 0, 9)), 0.9, true, List.of()));

        Counts address = e.overall().lenient(EntityType.ADDRESS);
        assertThat(address.tp()).isEqualTo(1);   // 15 of 20 chars: 0.75 of the union
        assertThat(address.fp()).isEqualTo(1);   // 5 of 30 chars
        assertThat(address.fn()).isEqualTo(1);
        assertThat(e.overall().strict(EntityType.ADDRESS).tp()).isZero();
        assertThat(e.overall().lenient(EntityType.PHONE).fn()).isEqualTo(1);
        assertThat(e.overall().lenient(EntityType.NATIONAL_ID).fp()).isEqualTo(1);

        Counts decision = e.overall().decision();
        assertThat(decision.tp()).isEqualTo(1);
        assertThat(decision.fn()).isEqualTo(1);
        assertThat(decision.fp()).isEqualTo(1);
        assertThat(decision.precision()).isEqualTo(0.5);
        assertThat(e.perLanguage()).containsKey("es");
    }

    @Test
    void goalsNameWhatIsMissed() {
        Evaluation e = new Evaluation();
        e.add(message(true, new LabelledMessage.GoldSpan(EntityType.PHONE, 0, 9)),
                new TextScan(List.of(), 0.1, false, List.of()));
        assertThat(EvaluationGoals.failures(e.overall()))
                .anyMatch(f -> f.startsWith("PHONE F1"))
                .anyMatch(f -> f.startsWith("doxxing decision F1"));
    }

    @Test
    void messagesAreCountedPerErrorKindAndByCountryHint() {
        Evaluation e = new Evaluation();
        LabelledMessage card = new LabelledMessage("en-1", "en", "", "test", false, false, "neg_card", "", "",
                "x".repeat(40), List.of(new LabelledMessage.GoldSpan(EntityType.PAYMENT_CARD, 5, 24)));
        e.add(card, new TextScan(List.of(entity(EntityType.PHONE, 5, 24)), 0.7, true, List.of()));

        assertThat(e.perKind().get(ErrorKinds.NUMBERS).decision().fp()).isEqualTo(1);
        assertThat(e.perHint().get(Evaluation.NO_HINT).lenient(EntityType.PHONE).fp()).isEqualTo(1);
        assertThat(EvaluationGoals.noHintFailures(e.perHint().get(Evaluation.NO_HINT)))
                .anyMatch(f -> f.startsWith("PHONE precision without a country hint"));
    }

    @Test
    void typesTheCorpusNeverLabelsAreLeftOutOfTheCounts() {
        Evaluation e = new Evaluation(java.util.EnumSet.of(EntityType.PHONE));
        e.add(message(true, new LabelledMessage.GoldSpan(EntityType.PHONE, 0, 9)),
                new TextScan(List.of(entity(EntityType.PHONE, 0, 9), entity(EntityType.PERSON_NAME, 20, 30)), 0.9, true, List.of()));
        assertThat(e.overall().lenientAll().fp()).isZero();
        assertThat(e.unlabelledTypes()).contains(EntityType.PERSON_NAME);
    }
}
