package io.vigil.detector.doxxing.scoring;

import io.vigil.detector.doxxing.TextScan;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.vigil.detector.doxxing.TestDetectors.DETECTOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Her workplace's address, said through her job, against a shop or an advert naming itself. Addresses are fictional. */
class WorkplaceExposureTest {

    private static TextScan scan(String text, String region) {
        return DETECTOR.scan(text, Optional.of(region), false);
    }

    @Test
    void theAddressOfTheClinicWhereSheWorksIsWhereSheCanBeFound() {
        TextScan scan = scan("faz estágio na clínica da Rua das Acácias 418, Tijuca, sai às 18h", "BR");
        assertThat(scan.doxxing()).as(scan.reasons().toString()).isTrue();
        assertThat(scan.reasons()).noneMatch(r -> r.contains("organisation's"));
    }

    @Test
    void herJobSaidInTheThirdPersonMakesTheOfficeHerWorkplace() {
        TextScan scan = scan("fa la receptionist nello studio di via Solferino 27, 20121 Milano la mattina", "IT");
        assertThat(scan.doxxing()).as(scan.reasons().toString()).isTrue();
    }

    @Test
    void aClinicGivingItsOwnAddressIsNotAnExposure() {
        TextScan scan = scan("la clínica atende na Rua das Acácias 418, Tijuca, de segunda a sexta", "BR");
        assertThat(scan.doxxing()).as(scan.reasons().toString()).isFalse();
    }

    @Test
    void aJobAdvertNamingTheJobIsNotAnExposure() {
        TextScan scan = scan("Həftəsonu üçün ofisiant tələb olunur, CV göndərin kadr@kafe-misal.az", "AZ");
        assertThat(scan.doxxing()).as(scan.reasons().toString()).isFalse();
    }
}
