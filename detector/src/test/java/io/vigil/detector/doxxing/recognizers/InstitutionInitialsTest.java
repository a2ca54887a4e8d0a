package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.Lexicon;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/** A place of study named by its initials next to a study or work verb. Initials and names are invented. */
class InstitutionInitialsTest {

    private static final Lexicon LEXICON = Lexicon.bundled();

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
        ScanContext shouted = new ScanContext("ESTUDIA EN LA UPQ Y NO ME CONTESTA", Optional.of("ES"), LEXICON);
        assertThat(InstitutionInitials.find(shouted)).isEmpty();
        ScanContext written = new ScanContext("estudia en la UPQ y no me contesta", Optional.of("ES"), LEXICON);
        assertThat(InstitutionInitials.find(written)).hasSize(1);
    }
}
