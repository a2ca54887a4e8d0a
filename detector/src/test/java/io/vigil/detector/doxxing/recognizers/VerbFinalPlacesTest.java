package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import org.junit.jupiter.api.Test;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static io.vigil.detector.doxxing.TestDetectors.scan;
import static org.assertj.core.api.Assertions.assertThat;

/** Places named before their verb, in Chinese and Azerbaijani. Names, shops and places are invented. */
class VerbFinalPlacesTest {

    @Test
    void whatStandsBetweenZaiAndAWorkVerbIsHerWorkplace() {
        assertThat(found("这女的是谁？王芳，在星巴克国贸店上班，晚班", "CN", EntityType.WORKPLACE))
                .containsExactly("星巴克国贸店");
    }

    @Test
    void whatStandsBetweenZaiAndAStudyVerbIsHerSchool() {
        assertThat(found("她叫刘佳，在育才中学读书", "CN", EntityType.SCHOOL)).containsExactly("育才中学");
    }

    @Test
    void aPronounBetweenZaiAndTheVerbIsNoPlace() {
        assertThat(found("她在我这里上班", "CN", EntityType.WORKPLACE)).isEmpty();
    }

    @Test
    void aCapitalisedWordWithALocativeEndingBeforeAJobIsHerWorkplace() {
        assertThat(found("bu qız kimdir? Leyla, Bravoda kassir işləyir, gecə növbəsi", "AZ", EntityType.WORKPLACE))
                .containsExactly("Bravo");
    }

    @Test
    void herNameAndHerWorkplaceBeforeTheVerbAreAnExposure() {
        assertThat(scan("这女的是谁？王芳，在星巴克国贸店上班，晚班", "CN").doxxing()).isTrue();
        assertThat(scan("bu qız kimdir? Leyla, Bravoda kassir işləyir, gecə növbəsi", "AZ").doxxing()).isTrue();
    }
}
