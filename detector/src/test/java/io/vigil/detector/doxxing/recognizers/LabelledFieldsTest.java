package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.TextScan;
import org.junit.jupiter.api.Test;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static io.vigil.detector.doxxing.TestDetectors.scan;
import static org.assertj.core.api.Assertions.assertThat;

/** A profile of her posted as labelled fields. Names, shops and places are invented. */
class LabelledFieldsTest {

    @Test
    void aWorkFieldNamesHerWorkplaceWhateverItsCase() {
        assertThat(found("name: Jade W | works: lidl harlow | shift: nights", "GB", EntityType.WORKPLACE))
                .containsExactly("lidl harlow");
        assertThat(found("имя: Катя М. | работа: Пятёрочка на Ленина | вечерняя смена", "RU", EntityType.WORKPLACE))
                .containsExactly("Пятёрочка на Ленина");
        assertThat(found("姓名：王芳｜工作：星巴克国贸店｜晚班", "CN", EntityType.WORKPLACE)).containsExactly("星巴克国贸店");
    }

    @Test
    void aNameFieldEndsAtTheSentencesFullStopButKeepsAnInitial() {
        assertThat(found("nom complet : Odile Varennes. cherchez-la", "FR", EntityType.PERSON_NAME))
                .containsExactly("Odile Varennes");
        assertThat(found("nombre: Aitana R. / curro: Mercadona av. Portugal / turno tarde", "ES", EntityType.PERSON_NAME))
                .containsExactly("Aitana R.");
    }

    @Test
    void herNameAndWhereSheWorksAsFieldsAreAnExposureWithoutAnyPronoun() {
        for (String[] profile : new String[][]{
                {"name: Jade W | works: Lidl Harlow | shift: nights", "GB"},
                {"Name: Jana W. | Arbeit: Rewe am Markt | Spätschicht", "DE"},
                {"nome: Larissa M. - trampo: Renner do Shopping Ibirapuera - turno noite", "BR"},
                {"nama: Siti N. | kerja: Mydin Seremban | shift malam", "MY"},
                {"jina: Akinyi O. | kazi: Naivas Ngong Road | usiku", "KE"},
                {"nom: Laia V. | feina: Bonpreu de Sants | torn de tarda", "ES"}}) {
            TextScan result = scan(profile[0], profile[1]);
            assertThat(result.doxxing()).as(profile[0] + " " + result.reasons()).isTrue();
        }
    }

    @Test
    void aLabelWithoutAColonIsNoField() {
        assertThat(found("what's her name? she works at the big Lidl", "GB", EntityType.WORKPLACE)).isEmpty();
    }

    @Test
    void aShopListingItsOpeningHoursAsFieldsExposesNoOne() {
        TextScan result = scan("Horario: lunes a viernes 9-21 | Zona: centro | pedidos por WhatsApp", "ES");
        assertThat(result.doxxing()).as(result.reasons().toString()).isFalse();
    }
}
