package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import org.junit.jupiter.api.Test;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers written to slip past a filter: letters for digits, tens and units in words, repeats, typos and
 * transliterations. Every number is synthetic; each still has to pass libphonenumber's validation.
 */
class SpelledNumbersTest {

    @Test
    void lettersWrittenForDigitsInsideANumberAreReadAsDigits() {
        assertThat(found("su movil 6l2 3O4 5O6 escribidle", "ES", EntityType.PHONE)).containsExactly("6l2 3O4 5O6");
    }

    @Test
    void aLoneLetterOAmongDigitsIsAZero() {
        assertThat(found("her mob O 7 9 1 1 1 2 3 4 5 6 lol", "GB", EntityType.PHONE)).containsExactly("O 7 9 1 1 1 2 3 4 5 6");
    }

    @Test
    void wordsThatMerelyStartWithLookAlikeLettersStayWords() {
        assertThat(found("lol 612 345 678", "ES", EntityType.PHONE)).containsExactly("612 345 678");
        assertThat(found("Olga 612 345 678", "ES", EntityType.PHONE)).containsExactly("612 345 678");
    }

    @Test
    void aShortEverydayWordAloneDoesNotJoinTheNumberNextToIt() {
        assertThat(found("si 612 345 678 no contesta", "ES", EntityType.PHONE)).containsExactly("612 345 678");
    }

    @Test
    void azerbaijaniTensAndUnitsMakeTwoDigits() {
        assertThat(found("nömrəsi sıfır əlli beş, dörd iki bir, səkkiz yeddi, üç sıfır", "AZ", EntityType.PHONE))
                .containsExactly("sıfır əlli beş, dörd iki bir, səkkiz yeddi, üç sıfır");
    }

    @Test
    void frenchTensCountOnPastTen() {
        assertThat(found("son num zéro six, soixante-douze, quatre-vingt-onze, trente-quatre, cinquante-six", "FR",
                EntityType.PHONE)).containsExactly("zéro six, soixante-douze, quatre-vingt-onze, trente-quatre, cinquante-six");
    }

    @Test
    void catalanTensJoinTheirUnitWithAHyphenatedI() {
        assertThat(found("el seu mòbil: sis dotze, trenta-quatre, cinquanta-sis, setanta-vuit", "ES", EntityType.PHONE))
                .containsExactly("sis dotze, trenta-quatre, cinquanta-sis, setanta-vuit");
    }

    @Test
    void doubleAndTripleRepeatTheDigitAfterThem() {
        assertThat(found("her mob oh seven nine double one, one two three four five six", "GB", EntityType.PHONE))
                .containsExactly("oh seven nine double one, one two three four five six");
        assertThat(found("call six triple one, two two two, three four", "ES", EntityType.PHONE))
                .containsExactly("six triple one, two two two, three four");
    }

    @Test
    void aMisspeltNumberWordBetweenTwoPartsOfANumberIsRead() {
        assertThat(found("call six one two thre four five sixx seven eight", "ES", EntityType.PHONE))
                .containsExactly("six one two thre four five sixx seven eight");
    }

    @Test
    void transliteratedRussianNumberWordsAreReadWithoutACountryHint() {
        assertThat(found("ee nomer vosem devyat odin shest odin dva tri chetyre pyat shest sem", null, EntityType.PHONE))
                .containsExactly("vosem devyat odin shest odin dva tri chetyre pyat shest sem");
    }

    @Test
    void pinyinNumberWordsAreReadWithoutACountryHint() {
        assertThat(found("dianhua yao san ba ling ling yao san ba ling ling ling", null, EntityType.PHONE))
                .containsExactly("yao san ba ling ling yao san ba ling ling ling");
    }

    @Test
    void oneEditIsATypoAndTwoAreNot() {
        assertThat(MisspeltNumberWords.withinOneEdit("sevn", "seven")).isTrue();
        assertThat(MisspeltNumberWords.withinOneEdit("fuor", "four")).isTrue();
        assertThat(MisspeltNumberWords.withinOneEdit("sixx", "six")).isTrue();
        assertThat(MisspeltNumberWords.withinOneEdit("nien", "nine")).isTrue();
        assertThat(MisspeltNumberWords.withinOneEdit("svn", "seven")).isFalse();
        assertThat(MisspeltNumberWords.withinOneEdit("eihgt", "eight")).isTrue();
        assertThat(MisspeltNumberWords.withinOneEdit("sven", "seven")).isTrue();
        assertThat(MisspeltNumberWords.withinOneEdit("svnee", "seven")).isFalse();
    }

    @Test
    void hundredsAndTeensInWordsMakeThreeDigits() {
        assertThat(found("её номер восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь", "RU",
                EntityType.PHONE)).hasSize(1);
        assertThat(found("nömrəsi sıfır əlli beş, dörd yüz on iki, otuz yeddi, səksən", "AZ", EntityType.PHONE))
                .containsExactly("sıfır əlli beş, dörd yüz on iki, otuz yeddi, səksən");
    }

    @Test
    void tensAndUnitsWrittenAsOneWordAreRead() {
        assertThat(found("il suo numero tre tre nove, quarantuno, sessantotto, zero due, sette", "IT", EntityType.PHONE))
                .containsExactly("tre tre nove, quarantuno, sessantotto, zero due, sette");
        assertThat(found("ihre nummer null eins fünf sieben, dreiundvierzig, einundzwanzig, achtundneunzig, null sechs",
                "DE", EntityType.PHONE)).hasSize(1);
    }

    @Test
    void aLoneLetterLBetweenDigitsIsAOne() {
        assertThat(found("l 5 8 - O 2 l 6 - 7 7 4 3", "CN", EntityType.PHONE)).containsExactly("l 5 8 - O 2 l 6 - 7 7 4 3");
    }

    @Test
    void aTypoAtTheEdgeOfANumberCountsOnlyInTheLanguageOfItsNeighbour() {
        assertThat(found("su movil sinco dos nuebe 3 4 5 6 7 8", "ES", EntityType.PHONE))
                .containsExactly("sinco dos nuebe 3 4 5 6 7 8");
        assertThat(found("oh seven four nine two, double four one, six oh eight ring her", "GB", EntityType.PHONE))
                .containsExactly("oh seven four nine two, double four one, six oh eight");
    }

    @Test
    void digitsSplitBySeparatorsLibphonenumberSkipsAreRead() {
        assertThat(found("6·1·2·3·4·5·6·7·8 escribele", "ES", EntityType.PHONE)).containsExactly("6·1·2·3·4·5·6·7·8");
    }

    @Test
    void aNumberWordBeforeAnIpAddressIsNotAPhone() {
        assertThat(found("server moved, the old one 192.0.2.44 is dead", null, EntityType.PHONE)).isEmpty();
    }
}
