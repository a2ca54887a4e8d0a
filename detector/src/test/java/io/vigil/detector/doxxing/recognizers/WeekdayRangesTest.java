package io.vigil.detector.doxxing.recognizers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WeekdayRangesTest {

    @Test
    void abbreviatedWeekdaysJoinedByADashOrASlashAreARange() {
        assertThat(WeekdayRanges.any("earlies mon-thurs")).isTrue();
        assertThat(WeekdayRanges.any("Frühschicht Mo–Mi")).isTrue();
        assertThat(WeekdayRanges.any("cierra lun/vie a las 8")).isTrue();
        assertThat(WeekdayRanges.any("смена пн-пт")).isTrue();
    }

    @Test
    void aLoneAbbreviationOrWordsThatLookLikeOneAreNoRange() {
        assertThat(WeekdayRanges.any("so do it")).isFalse();
        assertThat(WeekdayRanges.any("see you on Mo")).isFalse();
        assertThat(WeekdayRanges.any("score 2-1 tonight")).isFalse();
    }
}
