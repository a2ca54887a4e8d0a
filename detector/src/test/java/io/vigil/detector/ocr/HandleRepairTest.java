package io.vigil.detector.ocr;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.TestDetectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandleRepairTest {

    private final HandleRepair repair = HandleRepair.bundled();

    @Test
    void aMisreadAtSignAfterAPlatformLabelIsPutBack() {
        assertThat(repair.repair("insta Omaria.lopez42")).isEqualTo("insta @maria.lopez42");
        assertThat(repair.repair("her number 07700 900123\ninsta ©maria.lopez42")).endsWith("insta @maria.lopez42");
        assertThat(repair.repair("tiktok: 0sofi_mrtnz")).isEqualTo("tiktok: @sofi_mrtnz");
        assertThat(repair.repair("ig Qnoelia_pz")).isEqualTo("ig @noelia_pz");
        assertThat(repair.repair("insta Omariaa")).isEqualTo("insta Omariaa");
        assertThat(repair.repair("телега Ovika_s")).isEqualTo("телега @vika_s");
        assertThat(repair.repair("snap Qsara.k")).isEqualTo("snap @sara.k");
    }

    @Test
    void aCopyrightSignGluedToAHandleShapedNameIsAnAtSignAnywhere() {
        assertThat(repair.repair("follow ©maria.lopez42 lol")).isEqualTo("follow @maria.lopez42 lol");
    }

    @Test
    void wordsThatMerelyStartWithOOrZeroAreLeftAlone() {
        assertThat(repair.repair("Olivia works at Oxford")).isEqualTo("Olivia works at Oxford");
        assertThat(repair.repair("insta Olivia")).isEqualTo("insta Olivia");
        assertThat(repair.repair("call 0700900123 now")).isEqualTo("call 0700900123 now");
        assertThat(repair.repair("ordered 0ak.table")).isEqualTo("ordered 0ak.table");
        assertThat(repair.repair("© 2024 Vigil")).isEqualTo("© 2024 Vigil");
    }

    @Test
    void theRepairKeepsOffsetsSoWordBoxesStayValid() {
        String read = "insta Omaria.lopez42";
        ReadText text = new ReadText(read, java.util.List.of(new ReadText.Word(6, 20, new TextBox(10, 10, 80, 12), 90f)));
        ReadText repaired = repair.repair(text);
        assertThat(repaired.text()).hasSameSizeAs(read);
        assertThat(repaired.boxOf(6, 20)).contains(new TextBox(10, 10, 80, 12));
    }

    @Test
    void theRepairedTextYieldsTheHandle() {
        String repaired = repair.repair("insta Omaria.lopez42");
        assertThat(TestDetectors.found(repaired, "GB", EntityType.SOCIAL_HANDLE)).containsExactly("@maria.lopez42");
        assertThat(TestDetectors.found("insta Omaria.lopez42", "GB", EntityType.SOCIAL_HANDLE))
                .doesNotContain("@maria.lopez42");
    }

    @Test
    void nothingIsRepairedWhenTheRepairIsOff() {
        assertThat(HandleRepair.none().repair("insta ©maria.lopez42")).isEqualTo("insta ©maria.lopez42");
    }
}
