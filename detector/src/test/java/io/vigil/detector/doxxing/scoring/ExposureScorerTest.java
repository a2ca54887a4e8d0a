package io.vigil.detector.doxxing.scoring;

import io.vigil.detector.doxxing.TestDetectors;
import io.vigil.detector.doxxing.TextScan;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExposureScorerTest {

    private static TextScan scan(String text, String country, boolean followsImage) {
        return TestDetectors.DETECTOR.scan(text, Optional.of(country), followsImage);
    }

    @Test
    void thirdPersonExposureIsDoxxingInSeveralLanguages() {
        assertThat(scan("esta es la de ayer, su número 612 34 56 78 escribidle todos", "ES", false).doxxing()).isTrue();
        assertThat(scan("ecco il numero della bionda 333 123 4567, scrivetele", "IT", false).doxxing()).isTrue();
        assertThat(scan("o número dela é 912 345 678, liguem pra ela", "PT", false).doxxing()).isTrue();
        assertThat(scan("её номер +7 912 345-67-89 пишите ей", "RU", false).doxxing()).isTrue();
        assertThat(scan("她的电话13800138000大家都去打", "CN", false).doxxing()).isTrue();
    }

    @Test
    void ownContactShopsAndHelplinesAreNot() {
        assertThat(scan("llámame al 612 34 56 78 cuando puedas", "ES", false).doxxing()).isFalse();
        assertThat(scan("Pizzería Roma: pedidos a domicilio al 612 34 56 78, abierto de lunes a domingo", "ES", false)
                .doxxing()).isFalse();
        assertThat(scan("Línea de ayuda gratuita para víctimas: 016, o 612 34 56 78 las 24 horas", "ES", false)
                .doxxing()).isFalse();
    }

    @Test
    void followingAnImageRaisesTheScoreAndNoDataMeansNoExposure() {
        TextScan alone = scan("@noelia_pz", "ES", false);
        TextScan afterImage = scan("@noelia_pz", "ES", true);
        assertThat(afterImage.score()).isGreaterThan(alone.score());
        assertThat(afterImage.reasons()).anyMatch(r -> r.contains("follows an image"));

        TextScan noData = scan("alguien tiene el número de la del vídeo?", "ES", true);
        assertThat(noData.doxxing()).isFalse();
        assertThat(noData.score()).isZero();
    }

    @Test
    void reasonsExplainTheDecisionInWords() {
        TextScan s = scan("os paso su número 612 34 56 78, escribidle", "ES", false);
        assertThat(s.reasons().get(0)).startsWith("exposes a third person");
        assertThat(s.reasons()).anyMatch(r -> r.startsWith("personal data: phone number"));
        assertThat(s.reasons()).anyMatch(r -> r.contains("language about another person"));
        assertThat(s.score()).isBetween(0.0, 1.0);
    }
}
