package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import org.junit.jupiter.api.Test;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/** A profile posted as bare fragments. Names and places are invented. */
class FragmentListTest {

    @Test
    void theFirstFragmentIsHerNameAndTheOthersHerPlaces() {
        String text = "Tamsin Rowe / Harbury College / Eastcliffe / FitZone 7pm";
        assertThat(found(text, "GB", EntityType.PERSON_NAME)).containsExactly("Tamsin Rowe");
        assertThat(found(text, "GB", EntityType.PLACE)).contains("Eastcliffe", "FitZone");
    }

    @Test
    void fragmentsOnLinesCountAsWell() {
        String text = "Злата\nОзёрный район\nмаршрутка 42 в 7:30";
        assertThat(found(text, "RU", EntityType.PERSON_NAME)).containsExactly("Злата");
    }

    @Test
    void twoFragmentsAreNoList() {
        assertThat(found("Tamsin Rowe / Eastcliffe at 7pm", "GB", EntityType.PLACE)).doesNotContain("Eastcliffe");
    }

    @Test
    void aShopsListOfBranchesIsNoProfile() {
        assertThat(found("Sale today 9am: Northgate / Eastcliffe / Harbury, order online", "GB",
                EntityType.PERSON_NAME)).isEmpty();
    }
}
