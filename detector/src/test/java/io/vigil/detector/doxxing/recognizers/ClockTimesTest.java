package io.vigil.detector.doxxing.recognizers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockTimesTest {

    @Test
    void timesOfDayAreFoundInEveryFormTheChatsWrite() {
        assertThat(ClockTimes.any("sale del curro a las 7 todos los días")).isTrue();
        assertThat(ClockTimes.any("ходит в World Class по средам в 19:00")).isTrue();
        assertThat(ClockTimes.any("entra à 8h à la salle")).isTrue();
        assertThat(ClockTimes.any("training ends 7pm on tuesdays")).isTrue();
        assertThat(ClockTimes.any("immer um 7 vor der Schule")).isTrue();
        assertThat(ClockTimes.any("她每天7点下班")).isTrue();
        assertThat(ClockTimes.any("balik kerja pukul 6 petang")).isTrue();
        assertThat(ClockTimes.any("19:30")).isTrue();
        assertThat(ClockTimes.any("2024点")).isTrue();
        assertThat(ClockTimes.any("单号 88231 7 点见")).isTrue();
    }

    @Test
    void numbersThatAreNotTimesAreNot() {
        assertThat(ClockTimes.any("her number 612 34 56 78")).isFalse();
        assertThat(ClockTimes.any("version 2.19:3 released")).isFalse();
        assertThat(ClockTimes.any("costs 25% less at 1990,50")).isFalse();
        assertThat(ClockTimes.any("no digits at all here")).isFalse();
        assertThat(ClockTimes.any("")).isFalse();
    }

    @Test
    void aTimeLateInALongMessageIsFoundAsInTheWholeText() {
        String lead = "bla ".repeat(200);
        assertThat(ClockTimes.any(lead + "order 123456 then a las 7")).isTrue();
        assertThat(ClockTimes.any(lead + "order 123456 and 2024 and 99 bottles")).isFalse();
        assertThat(ClockTimes.any(lead + "ticket 4821 at 9")).isTrue();
    }
}
