package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.TestDetectors;
import io.vigil.detector.doxxing.TextScan;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/** Her given name written alone next to her school, workplace or place. Names and places are invented. */
class LoneGivenNameTest {

    @Test
    void aGivenNameSetOffByCommasNextToHerSchoolIsAPersonName() {
        assertThat(found("это младшая сестра Вадима, Злата, учится в школе № 913", "RU", EntityType.PERSON_NAME))
                .contains("Злата");
    }

    @Test
    void aGivenNameAnsweringWhoIsSheIsAPersonName() {
        assertThat(found("kimdir bu? Səbinə, XDUda tibb oxuyur, hər gün saat 4-də çıxır", "AZ", EntityType.PERSON_NAME))
                .containsExactly("Səbinə");
    }

    @Test
    void aWordThatMerelyBeginsASentenceIsNotAName() {
        assertThat(found("Bueno, ella estudia en el colegio Santa Rufina de Tormes", "ES", EntityType.PERSON_NAME))
                .doesNotContain("Bueno");
    }

    @Test
    void withoutHerSchoolWorkplaceOrPlaceNoLoneNameIsLookedFor() {
        assertThat(found("ella es la hermana de Tomás, Lidia, qué guapa", "ES", EntityType.PERSON_NAME))
                .doesNotContain("Lidia");
    }

    @Test
    void herGivenNameAndHerSchoolInAMessageAboutHerAreAnExposure() {
        TextScan scan = TestDetectors.DETECTOR.scan("es la hermana pequeña de Tomás, Lidia, va al colegio Santa Rufina",
                Optional.of("ES"), false);
        assertThat(scan.doxxing()).as(scan.reasons().toString()).isTrue();
    }
}
