package io.vigil.detector.doxxing.scoring;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.PriorCues;
import io.vigil.detector.doxxing.TestDetectors;
import io.vigil.detector.doxxing.TextScan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.vigil.detector.doxxing.TestDetectors.DETECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The structure of the exposure model: whose data it is, weak clues, routines, cues in the message's languages. */
class ExposureStructureTest {

    private static TextScan scan(String text, String country, boolean followsImage) {
        return DETECTOR.scan(text, Optional.ofNullable(country), followsImage);
    }

    @Test
    void aFirstNameOrASchoolAloneIsNeverAnExposureHoweverPointedTheWords() {
        TextScan name = scan("ich glaub sie heißt Julia, mehr weiß ich nicht", "DE", true);
        assertThat(name.entities()).extracting(e -> e.type()).containsExactly(EntityType.PERSON_NAME);
        assertThat(name.doxxing()).isFalse();
        assertThat(name.reasons()).anyMatch(r -> r.contains("one weak clue"));

        TextScan school = scan("she 100% goes to NYU, film student vibes lol", "US", true);
        assertThat(school.doxxing()).isFalse();
    }

    @Test
    void aFullNameOrAWeakClueWithARoutineIsNotAWeakClue() {
        assertThat(ExposureScorer.weakClueOnly("nombre completo: Laura Sánchez Gil",
                List.of(new ExposureScorer.EntityRef(EntityType.PERSON_NAME, 17, 34)), false, PriorCues.NONE)).isFalse();
        assertThat(ExposureScorer.weakClueOnly("va al IES Lope de Vega",
                List.of(new ExposureScorer.EntityRef(EntityType.SCHOOL, 6, 22)), true, PriorCues.NONE)).isFalse();
        assertThat(ExposureScorer.weakClueOnly("va al IES Lope de Vega",
                List.of(new ExposureScorer.EntityRef(EntityType.SCHOOL, 6, 22)), false, PriorCues.NONE)).isTrue();
    }

    @Test
    void aChineseFullNameOfThreeIdeographsIsAFullNameButTwoAreNot() {
        assertThat(ExposureScorer.weakClueOnly("全名林雨萱，自己去搜",
                List.of(new ExposureScorer.EntityRef(EntityType.PERSON_NAME, 2, 5)), false, PriorCues.NONE)).isFalse();
        assertThat(ExposureScorer.weakClueOnly("她叫小美，自己去搜",
                List.of(new ExposureScorer.EntityRef(EntityType.PERSON_NAME, 2, 4)), false, PriorCues.NONE)).isTrue();
    }

    @Test
    void aPlaceOfRoutineAfterAnImageSinglesSomeoneOut() {
        String text = "la de la foto va al Basic-Fit de Triana lunes y miércoles a las 7 de la tarde, se la ve desde la cinta";
        TextScan s = scan(text, "ES", true);
        assertThat(TestDetectors.found(text, "ES", EntityType.PLACE)).contains("Basic-Fit de Triana");
        assertThat(s.doxxing()).isTrue();
        assertThat(s.reasons()).anyMatch(r -> r.contains("tied to a third person"));
    }

    @Test
    void placesAreReadAfterLocativesOnlyInMessagesThatTellARoutine() {
        assertThat(TestDetectors.found("ходит в World Class по средам в 19:00", "RU", EntityType.PLACE))
                .contains("World Class");
        assertThat(TestDetectors.found("ходит в World Class, говорят", "RU", EntityType.PLACE)).isEmpty();
    }

    @Test
    void dataNamedAsTheWritersOrAShopsOwnCountsAgainstExposure() {
        double[] own = DETECTOR.features("mi número nuevo es 612 34 56 78, guardadlo", Optional.of("ES"), false, PriorCues.NONE);
        assertThat(own[ScoringWeights.index(ExposureFeature.DATA_OF_WRITER)]).isEqualTo(1.0);
        double[] hers = DETECTOR.features("su número nuevo es 612 34 56 78, guardadlo", Optional.of("ES"), false, PriorCues.NONE);
        assertThat(hers[ScoringWeights.index(ExposureFeature.DATA_OF_THIRD_PERSON)]).isEqualTo(1.0);
        assertThat(hers[ScoringWeights.index(ExposureFeature.DATA_OF_WRITER)]).isZero();
        double[] shop = DETECTOR.features("Tallers Rius: canvi d'oli i ITV. Ctra. de Vic 44, 08241 Manresa · 938 72 50 19",
                Optional.of("ES"), false, PriorCues.NONE);
        assertThat(shop[ScoringWeights.index(ExposureFeature.DATA_OF_ORGANISATION)]).isEqualTo(1.0);
    }

    @Test
    void aTargetingPhraseFollowedByAnInvoiceIsTheInvoices() {
        TextScan s = scan("Factura nº 2024/0412. Forma de pago: transferencia a ES91 0182 8697 4095 1166 6333 indicando el "
                + "número de factura", "ES", false);
        assertThat(s.reasons()).noneMatch(r -> r.contains("el número de"));
    }

    @Test
    void cueWordsOfOtherLanguagesDoNotCountInAGroupWhoseLanguagesAreKnown() {
        // Spanish "le" (her) is a French article; Catalan "em" (me) is Portuguese "in".
        TextScan fr = scan("D'après le rapport, la brigade numérique répond au 04 44 99 83 65", "FR", false);
        assertThat(fr.reasons()).noneMatch(r -> r.contains("'le'"));
        TextScan pt = scan("o mail dela joana.fernandes04@gmail.com inscrevam-na em todos os sites", "PT", false);
        assertThat(pt.reasons()).noneMatch(r -> r.contains("'em'"));
    }
}
