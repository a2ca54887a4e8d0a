package io.vigil.detector.doxxing;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.vigil.detector.doxxing.TestDetectors.DETECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everyday words for her, her partner, her home and insults, as a writer who never saw the lexicons uses them, with
 * case endings read as stems. Addresses and numbers are fictional.
 */
class CueVocabularyTest {

    private static boolean exposes(String text, String region) {
        TextScan scan = DETECTOR.scan(text, Optional.of(region), false);
        return scan.doxxing();
    }

    @Test
    void whereSheLivesBeforeAnAddressIsAnExposure() {
        assertThat(exposes("ya sé donde vive, calle Olmedilla 14, Getafe", "ES")).isTrue();
        assertThat(exposes("adresse von der: Lindenweg 12, 04109 Leipzig", "DE")).isTrue();
    }

    @Test
    void anInsultWithACaseEndingIsStillAnInsultAboutHer() {
        assertThat(DETECTOR.priorCues("bu qəhbənin evini tapdım").pointsAtSomeone()).isTrue();
        assertThat(DETECTOR.priorCues("нашёл адрес этой шлюхи").pointsAtSomeone()).isTrue();
    }

    @Test
    void theWritersOwnNumberWithACaseEndingIsNotAboutHer() {
        assertThat(exposes("imkanın olanda zəng et, 0501234567 nömrəsindəyəm", "AZ")).isFalse();
    }

    @Test
    void aParcelForAShopAddressIsNotAnExposure() {
        assertThat(exposes("bağlama Bakı, Nizami küç. 40 AZ 1000 ünvanına getməlidir, mağazanın adına", "AZ")).isFalse();
    }
}
