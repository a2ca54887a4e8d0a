package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import org.junit.jupiter.api.Test;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/** A place of study named by its initials next to a study or work verb. Initials and names are invented. */
class InstitutionInitialsTest {

    @Test
    void initialsAfterAStudyVerbAreHerPlaceOfStudy() {
        assertThat(found("la rubia estudia en la UPQ, sale a las 3", "ES", EntityType.SCHOOL)).containsExactly("UPQ");
        assertThat(found("она учится в НГЭУ, выходит в шесть", "RU", EntityType.SCHOOL)).containsExactly("НГЭУ");
    }

    @Test
    void aCaseEndingGluedToTheInitialsIsLeftOutOfTheSpan() {
        assertThat(found("bu qız XDUda tibb oxuyur, hər gün saat 4-də çıxır", "AZ", EntityType.SCHOOL))
                .containsExactly("XDU");
        assertThat(found("bu qız XDU-da tibb oxuyur", "AZ", EntityType.SCHOOL)).containsExactly("XDU");
    }

    @Test
    void initialsWithALowerCaseLetterBetweenCapitalsCount() {
        assertThat(found("anasoma law UoQ, hutoka saa saba", "KE", EntityType.SCHOOL)).containsExactly("UoQ");
    }

    @Test
    void initialsFarFromAnyStudyOrWorkVerbAreNotAPlaceOfStudy() {
        assertThat(found("la ONU publicó ayer su informe anual sobre el clima y la energía", "ES", EntityType.SCHOOL))
                .isEmpty();
    }

    @Test
    void aMessageShoutedInCapitalsHasNoInitials() {
        assertThat(found("ESTUDIA EN LA UPQ Y NO ME CONTESTA", "ES", EntityType.SCHOOL)).isEmpty();
    }
}
