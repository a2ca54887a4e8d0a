package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.TestDetectors;
import io.vigil.detector.doxxing.TextScan;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quasi-identifiers written without the cue words that introduce them: a bare full name and the places after a
 * locative in a message about a third person. All names and places here are invented.
 */
class QuasiIdentifiersWithoutCuesTest {

    @Test
    void aBareFullNameInAMessageAboutHerIsAPersonName() {
        assertThat(found("wer kennt die? Mira Falkenholt, die Blonde aus dem Video", "DE", EntityType.PERSON_NAME))
                .containsExactly("Mira Falkenholt");
        assertThat(found("кто она? Ксения Белозёрова, та что на видео", "RU", EntityType.PERSON_NAME))
                .containsExactly("Ксения Белозёрова");
    }

    @Test
    void capitalisedWordsInAMessageAboutNobodyAreNotAName() {
        assertThat(found("Gran Concierto en Plaza Mayor el sábado", "ES", EntityType.PERSON_NAME)).isEmpty();
    }

    @Test
    void aProperNameAfterALocativeIsWhereSheCanBeFound() {
        // "bosse au" (works at) is a work phrase since round six: the place is found as her workplace
        assertThat(found("la brune de la vidéo bosse au Monoprix de Valmorel", "FR", EntityType.WORKPLACE))
                .containsExactly("Monoprix de Valmorel");
    }

    @Test
    void aNewsReportNamesItsPlacesForEveryoneNotToFindHer() {
        assertThat(found("В Северогорске задержан мужчина, выложивший фото бывшей в сеть", "RU", EntityType.PLACE))
                .isEmpty();
    }

    @Test
    void herFullNameAndHerWorkplaceAfterHerVideoAreAnExposure() {
        TextScan scan = TestDetectors.DETECTOR.scan(
                "quem é essa? Talita Vasconcelos, trabalha na Loja Brisa do Shopping Alvorada, fica no caixa de tarde",
                Optional.of("BR"), true);
        assertThat(scan.doxxing()).as(scan.reasons().toString()).isTrue();
    }

    @Test
    void aWhoIsSheQuestionPointsAtHerEvenWhenAnotherLanguagesWordsTieWithItsOwn() {
        assertThat(found("quien es esta? pues Nuria Escobedo, currela de tarde, id a saludarla", "ES",
                EntityType.PERSON_NAME)).containsExactly("Nuria Escobedo");
    }
}
