package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.PriorCues;
import io.vigil.detector.doxxing.TestDetectors;
import io.vigil.detector.doxxing.TextScan;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/** Names, schools, workplaces and places, and when they expose someone. */
class QuasiIdentifiersTest {

    @Test
    void namesSchoolsAndWorkplacesFromCuesInSeveralLanguages() {
        String en = "her name is Chloe Smith, she studies at Leeds Trinity University and works at Tesco Express";
        assertThat(found(en, "GB", EntityType.PERSON_NAME)).containsExactly("Chloe Smith");
        assertThat(found(en, "GB", EntityType.SCHOOL)).containsExactly("Leeds Trinity University");
        assertThat(found(en, "GB", EntityType.WORKPLACE)).containsExactly("Tesco Express");
        String es = "se llama Lucía Martín, estudia en el IES Juan de Mairena y trabaja en Zara";
        assertThat(found(es, "ES", EntityType.SCHOOL)).containsExactly("IES Juan de Mairena");
        assertThat(found(es, "ES", EntityType.WORKPLACE)).containsExactly("Zara");
        assertThat(found("她叫王芳，在北京大学读书", "CN", EntityType.PERSON_NAME)).containsExactly("王芳");
        assertThat(found("她叫王芳，在北京大学读书", "CN", EntityType.SCHOOL)).containsExactly("北京大学");
        assertThat(found("anaitwa Wanjiru, anasoma Kenyatta University", "KE", EntityType.SCHOOL))
                .containsExactly("Kenyatta University");
    }

    @Test
    void aNameWithHerSchoolAfterHerPhotoIsAnExposure() {
        TextScan scan = TestDetectors.DETECTOR.scan("aquesta és la Laia Ferrer, fa batxillerat a l'Institut Jaume Balmes, passeu-ho",
                Optional.of("ES"), true);
        assertThat(scan.doxxing()).as(scan.reasons().toString()).isTrue();
    }

    @Test
    void aSchoolAnnouncingItselfIsNot() {
        TextScan scan = TestDetectors.scan("Hartcliffe High School open evening is thursday 6pm, year 6 parents welcome", "GB");
        assertThat(scan.doxxing()).isFalse();
    }

    @Test
    void dataSplitOverTwoMessagesCarriesThePointingFromTheFirst() {
        PriorCues prior = TestDetectors.DETECTOR.priorCues("esta es la guarra del video, su número 👇");
        TextScan alone = TestDetectors.DETECTOR.scan("612 34 56 78", Optional.of("ES"), false);
        TextScan after = TestDetectors.DETECTOR.scan("612 34 56 78", Optional.of("ES"), false, prior);
        assertThat(prior.pointsAtSomeone()).isTrue();
        assertThat(after.score()).isGreaterThan(alone.score());
        assertThat(after.reasons()).anyMatch(r -> r.contains("previous message"));
    }
}
