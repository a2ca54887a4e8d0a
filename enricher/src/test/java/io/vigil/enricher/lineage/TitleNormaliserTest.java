package io.vigil.enricher.lineage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitleNormaliserTest {

    @Test
    void copyMarkersEmojiDigitsAndAccentsAreDropped() {
        assertThat(TitleNormaliser.normalise("Chicas Madrid 🔥")).isEqualTo("chicas madrid");
        assertThat(TitleNormaliser.normalise("Chicas Madrid 2.0 (backup)")).isEqualTo("chicas madrid");
        assertThat(TitleNormaliser.normalise("NUEVO grupo Chicas Madríd 💋💋")).isEqualTo("chicas madrid");
        assertThat(TitleNormaliser.normalise("Девочки Москва резерв")).isEqualTo("девочки москва");
        assertThat(TitleNormaliser.normalise("🔥🔥 2024 🔥🔥")).isEmpty();
    }

    @Test
    void similarityIsHighForReCreationsAndLowForOtherGroups() {
        String original = TitleNormaliser.normalise("Chicas Madrid 🔥");
        assertThat(TitleNormaliser.similarity(original, TitleNormaliser.normalise("Chicas Madrid 2.0"))).isEqualTo(1.0);
        assertThat(TitleNormaliser.similarity(original, TitleNormaliser.normalise("Chicas de Madrid"))).isGreaterThan(0.6);
        assertThat(TitleNormaliser.similarity(original, TitleNormaliser.normalise("Mercadillo Vallecas"))).isLessThan(0.2);
        assertThat(TitleNormaliser.similarity("", original)).isZero();
    }
}
