package io.vigil.detector.doxxing;

import io.vigil.detector.doxxing.recognizers.Finding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Clear values never leave the scan: not in toString, reasons, previews or hashes. */
class PrivacyTest {

    private static final String TEXT = "su número 612 34 56 78, correo maria.lopez98@gmail.com, DNI 12345678Z, vive en Calle Mayor 7, 28013 Madrid";

    @Test
    void nothingPrintableCarriesAClearValue() {
        TextScan scan = TestDetectors.scan(TEXT, "ES");
        assertThat(scan.entities()).extracting(DetectedEntity::type)
                .contains(EntityType.PHONE, EntityType.EMAIL, EntityType.NATIONAL_ID, EntityType.ADDRESS);
        String printed = scan.toString() + scan.reasons();
        for (String secret : new String[]{"612", "34 56 78", "maria", "lopez98", "12345678", "Mayor", "28013"}) {
            assertThat(printed).doesNotContain(secret);
        }
        Finding f = new Finding(EntityType.PHONE, 0, 5, 0.9, "ES", "+34612345678", "+34 6•• ••• •78");
        assertThat(f.toString()).doesNotContain("612").doesNotContain("+34 6••");
        assertThat(DoxxingConfig.defaults(TestDetectors.SECRET).toString()).doesNotContain("test-secret");
    }

    @Test
    void maskedPreviewsShowOnlyTheShape() {
        TextScan scan = TestDetectors.scan("su número +34 612 345 678", "ES");
        assertThat(scan.entities()).singleElement().extracting(DetectedEntity::maskedPreview).isEqualTo("+34 6•• •• •• 78");
        TextScan email = TestDetectors.scan("correo maria.lopez98@gmail.com", "ES");
        assertThat(email.entities().get(0).maskedPreview()).isEqualTo("m••••••••••••@g••••.com");
    }

    @Test
    void keyedHashLinksTheSameValueWrittenDifferentlyAndDependsOnTheSecret() {
        String a = TestDetectors.scan("su número +34 612 34 56 78", "ES").entities().get(0).keyedHash();
        String b = TestDetectors.scan("llamadla al 612-345-678", "ES").entities().get(0).keyedHash();
        String c = TestDetectors.scan("dadle al 0034 612.345.678", "IT").entities().get(0).keyedHash();
        assertThat(a).isEqualTo(b).isEqualTo(c).hasSize(64).doesNotContain("612");
        DoxxingDetector other = DoxxingDetector.create(DoxxingConfig.defaults(
                "another-deployment-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(other.scan("su número +34 612 34 56 78", Optional.of("ES"), false).entities().get(0).keyedHash())
                .isNotEqualTo(a);
        String upper = TestDetectors.scan("correo MARIA.Lopez98@Gmail.com", "ES").entities().get(0).keyedHash();
        String lower = TestDetectors.scan("correo maria.lopez98@gmail.com", "ES").entities().get(0).keyedHash();
        assertThat(upper).isEqualTo(lower);
    }
}
