package io.vigil.detector.doxxing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedTextTest {

    @Test
    void eachEntityFoundIsReplacedByItsMaskedPreviewAndTheRestOfTheTextStays() {
        String text = "su número 612 34 56 78, correo maria.lopez98@gmail.com, vive en Calle Mayor 7, 28013 Madrid. Escribidle";
        TextScan scan = TestDetectors.scan(text, "ES");

        String masked = MaskedText.of(text, scan.entities());

        assertThat(masked).startsWith("su número ").contains(", correo ", ", vive en ", "•");
        for (DetectedEntity entity : scan.entities()) {
            assertThat(masked).contains(entity.maskedPreview());
        }
        for (String clear : new String[]{"612 34 56 78", "34 56", "maria.lopez98", "Calle Mayor 7", "28013"}) {
            assertThat(masked).doesNotContain(clear);
        }
    }

    @Test
    void aLongNumberNoRecogniserClaimedIsMaskedAllButItsLastTwoDigits() {
        assertThat(MaskedText.of("llamad al 0 800 555 01 23 ya", List.of())).isEqualTo("llamad al • ••• ••• •• 23 ya");
        assertThat(MaskedText.of("+7 (912) 345-67-89", List.of())).isEqualTo("+• (•••) •••-••-89");
        assertThat(MaskedText.of("رقمها ٠٥٥١٢٣٤٥٦٧", List.of())).as("Arabic-Indic digits").isEqualTo("رقمها ••••••••٦٧");
        assertThat(MaskedText.of("电话１３８１２３４５６７８", List.of())).as("fullwidth digits").isEqualTo("电话•••••••••７８");
    }

    @Test
    void shortNumbersTimesAndQuantitiesStayReadable() {
        assertThat(MaskedText.of("3 fotos a las 21:30, 1500 miembros, grupo 2026", List.of()))
                .isEqualTo("3 fotos a las 21:30, 1500 miembros, grupo 2026");
    }

    @Test
    void overlappingOrOutOfRangeSpansAreSkippedAndTheirDigitsStillMasked() {
        String text = "número 612345678";
        DetectedEntity inside = new DetectedEntity(EntityType.PHONE, 7, 16, 0.9, "ES", "h".repeat(64), "6•• ••• •78");
        DetectedEntity overlapping = new DetectedEntity(EntityType.PHONE, 10, 16, 0.9, "ES", "h".repeat(64), "x");
        DetectedEntity beyond = new DetectedEntity(EntityType.PHONE, 7, 40, 0.9, "ES", "h".repeat(64), "y");

        assertThat(MaskedText.of(text, List.of(overlapping, inside))).isEqualTo("número 6•• ••• •78");
        assertThat(MaskedText.of(text, List.of(beyond))).isEqualTo("número •••••••78");
    }

    @Test
    void aTextLongerThanATelegramMessageIsCutWithAnEllipsis() {
        String masked = MaskedText.of("a".repeat(MaskedText.MAX_CHARS + 100), List.of());

        assertThat(masked).hasSize(MaskedText.MAX_CHARS).endsWith("…");
    }
}
