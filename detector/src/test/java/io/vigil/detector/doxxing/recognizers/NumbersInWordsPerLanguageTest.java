package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone numbers read aloud the way natives of each language write them in a chat: digit by digit, in pairs, in
 * compound tens and hundreds, with repeats, regional forms, chat spellings and other glyphs for digits. The examples
 * are made up for these tests (every number is synthetic and still has to pass libphonenumber's validation).
 */
class NumbersInWordsPerLanguageTest {

    @Nested
    class Spanish {
        @Test
        void pairsJoinedWithYAreRead() {
            assertThat(found("llamadla al seis uno dos, treinta y cuatro, cincuenta y seis, setenta y ocho", "ES",
                    EntityType.PHONE))
                    .containsExactly("seis uno dos, treinta y cuatro, cincuenta y seis, setenta y ocho");
        }

        @Test
        void hundredsInBothGendersAreRead() {
            assertThat(found("movil seiscientos doce, trescientas cuarenta y cinco, seiscientos setenta y ocho", "ES",
                    EntityType.PHONE))
                    .containsExactly("seiscientos doce, trescientas cuarenta y cinco, seiscientos setenta y ocho");
        }

        @Test
        void chatSpellingsThatSoundLikeTheNumberAreReadOneAfterAnother() {
            assertThat(found("su movil: seiz sinko nuebe uno dos tres cuatro cinco seis", "ES", EntityType.PHONE))
                    .containsExactly("seiz sinko nuebe uno dos tres cuatro cinco seis");
        }
    }

    @Nested
    class Italian {
        @Test
        void compoundTensAndDoppioAreRead() {
            assertThat(found("scrivile al tre tre tre, dodici, trentaquattro, cinquantasei, doppio sette", "IT",
                    EntityType.PHONE))
                    .containsExactly("tre tre tre, dodici, trentaquattro, cinquantasei, doppio sette");
        }

        @Test
        void hundredsGluedToTheRestOfTheNumberAreRead() {
            assertThat(found("chiamatela: tre tre tre, centottantadue, quattro cinque sei sette", "IT", EntityType.PHONE))
                    .containsExactly("tre tre tre, centottantadue, quattro cinque sei sette");
        }

        @Test
        void aLoneLowerCaseOIsTheWordOr() {
            assertThat(found("chiamate il 02 8899 1234 o scrivete a noi", "IT", EntityType.PHONE))
                    .containsExactly("02 8899 1234");
        }

        @Test
        void numberWordsSpeltAsTheySoundAreRead() {
            assertThat(found("cell tre tre tre uno due tre kuatro cincue sei sete", "IT", EntityType.PHONE))
                    .containsExactly("tre tre tre uno due tre kuatro cincue sei sete");
        }
    }

    @Nested
    class Portuguese {
        @Test
        void brazilianMeiaAndAreaCodeInWordsAreRead() {
            assertThat(found("zap dela: onze, nove, oito sete meia cinco, quatro três dois um", "BR", EntityType.PHONE))
                    .containsExactly("onze, nove, oito sete meia cinco, quatro três dois um");
        }

        @Test
        void digitsAndWordsTakenInTurnAreOneNumber() {
            assertThat(found("chama ela: 9 um dois - 3 quatro 5 - seis 7 oito", "PT", EntityType.PHONE))
                    .containsExactly("9 um dois - 3 quatro 5 - seis 7 oito");
        }

        @Test
        void hundredsJoinedWithEAreRead() {
            assertThat(found("liguem nove um dois, trezentos e quarenta e cinco, seiscentos e setenta e oito", "PT",
                    EntityType.PHONE))
                    .containsExactly("nove um dois, trezentos e quarenta e cinco, seiscentos e setenta e oito");
        }
    }

    @Nested
    class English {
        @Test
        void teensAndTensReadInPairsAreRead() {
            assertThat(found("her mobile is oh seven nine eleven, one twenty three, four fifty six", "GB",
                    EntityType.PHONE)).containsExactly("oh seven nine eleven, one twenty three, four fifty six");
        }

        @Test
        void trebleRepeatsTheDigitThreeTimes() {
            assertThat(found("ring oh seven seven treble two, five six, one three oh", "GB", EntityType.PHONE))
                    .containsExactly("oh seven seven treble two, five six, one three oh");
        }

        @Test
        void lettersSAndBInsideARunWithDigitsAreFiveAndEight() {
            assertThat(found("text O79l2 S4B 6l7 now", "GB", EntityType.PHONE)).containsExactly("O79l2 S4B 6l7");
        }

        @Test
        void aShortNumberWordOfAnotherLanguageBeforeTheNumberIsLeftOut() {
            assertThat(found("ring her on oh seven nine one one, two two three, four four five", "GB", EntityType.PHONE))
                    .containsExactly("oh seven nine one one, two two three, four four five");
        }

        @Test
        void circledDigitsAreDigits() {
            assertThat(found("text her ⓪⑦⑨①① ①②③④⑤⑥", "GB", EntityType.PHONE)).containsExactly("⓪⑦⑨①① ①②③④⑤⑥");
        }

        @Test
        void keycapEmojiDigitsAreDigits() {
            String keycaps = "0\uFE0F\u20E37\uFE0F\u20E39\uFE0F\u20E31\uFE0F\u20E31\uFE0F\u20E3 1\uFE0F\u20E32\uFE0F\u20E3"
                    + "3\uFE0F\u20E34\uFE0F\u20E35\uFE0F\u20E36";
            assertThat(found("her number " + keycaps + "\uFE0F\u20E3 go", "GB", EntityType.PHONE)).hasSize(1);
        }
    }

    @Nested
    class French {
        @Test
        void quatreVingtWrittenWithSpacesIsRead() {
            assertThat(found("son 06: zéro six, quatre vingt deux, soixante dix sept, quatre vingt dix neuf, douze", "FR",
                    EntityType.PHONE))
                    .containsExactly("zéro six, quatre vingt deux, soixante dix sept, quatre vingt dix neuf, douze");
        }

        @Test
        void quatreFollowedByTwentyIsEightyHoweverTwentyIsSpelt() {
            assertThat(found("zéro six, quatre vint-deux, trente et un, dix-sept, quatre-vingt-dix", "FR", EntityType.PHONE))
                    .containsExactly("zéro six, quatre vint-deux, trente et un, dix-sept, quatre-vingt-dix");
        }

        @Test
        void belgianAndSwissTensAreRead() {
            assertThat(found("son gsm: zéro quatre septante-cinq, nonante-deux, octante-trois, septante et un", "BE",
                    EntityType.PHONE))
                    .containsExactly("zéro quatre septante-cinq, nonante-deux, octante-trois, septante et un");
            assertThat(found("natel zéro sept nonante-huit, huitante-sept, soixante-cinq, quarante-trois", "CH",
                    EntityType.PHONE))
                    .containsExactly("zéro sept nonante-huit, huitante-sept, soixante-cinq, quarante-trois");
        }
    }

    @Nested
    class German {
        @Test
        void teensAndTensWrittenApartWithUndAreRead() {
            assertThat(found("ruft sie an: null drei null, dreizehn, vierundzwanzig, sechs und fünfzig, achtzehn", "DE",
                    EntityType.PHONE))
                    .containsExactly("null drei null, dreizehn, vierundzwanzig, sechs und fünfzig, achtzehn");
        }

        @Test
        void hundredsGluedToTheRestOfTheNumberAreRead() {
            assertThat(found("festnetz null drei null, dreihundertzwölf, vierundfünfzig, sechs, sieben", "DE",
                    EntityType.PHONE))
                    .containsExactly("null drei null, dreihundertzwölf, vierundfünfzig, sechs, sieben");
        }

        @Test
        void zwoAndUmlautsWrittenWithEAreRead() {
            assertThat(found("handy null eins fuenf eins, zwo drei vier, fuenfundsechzig, siebenundachtzig, neun", "DE",
                    EntityType.PHONE))
                    .containsExactly("null eins fuenf eins, zwo drei vier, fuenfundsechzig, siebenundachtzig, neun");
        }
    }

    @Nested
    class Catalan {
        @Test
        void valencianEightAndHundredsWithASpaceAreRead() {
            assertThat(found("truqueu-la al nou tres, dos cents dotze, trenta-quatre, cinquanta-huit", "ES", EntityType.PHONE))
                    .containsExactly("nou tres, dos cents dotze, trenta-quatre, cinquanta-huit");
        }

        @Test
        void balearicTeensAndFeminineHundredsAreRead() {
            assertThat(found("el seu mòbil sis devuit, dues-centes trenta-u, desset, nou", "ES", EntityType.PHONE))
                    .containsExactly("sis devuit, dues-centes trenta-u, desset, nou");
        }
    }

    @Nested
    class Russian {
        @Test
        void transliteratedHundredsTeensAndTensAreRead() {
            assertThat(found("nomer vosem devyatsot shestnadtsat odin dva tri sorok pyat shestdesyat sem", "RU",
                    EntityType.PHONE))
                    .containsExactly("vosem devyatsot shestnadtsat odin dva tri sorok pyat shestdesyat sem");
        }

        @Test
        void colloquialFiftyAndSixtyAreRead() {
            assertThat(found("восемь девять один шесть, сто двадцать три, писят, шейсят семь", "RU", EntityType.PHONE))
                    .containsExactly("восемь девять один шесть, сто двадцать три, писят, шейсят семь");
        }

        @Test
        void cyrillicZeAndOAmongDigitsAreThreeAndZero() {
            assertThat(found("звони 8 9З6 1О2-З3-44", "RU", EntityType.PHONE)).containsExactly("8 9З6 1О2-З3-44");
        }

        @Test
        void chatSpellingOfOneIsRead() {
            assertThat(found("звоните восемь девять адин шесть адин два три четыре пять шесть семь", "RU", EntityType.PHONE))
                    .containsExactly("восемь девять адин шесть адин два три четыре пять шесть семь");
        }

        @Test
        void softSignApostrophesOfTransliterationSeparateNothing() {
            assertThat(found("nomer vosem' devyat' odin shest' odin dva tri chetyre pyat' shest' sem'", "RU",
                    EntityType.PHONE)).hasSize(1);
        }
    }

    @Nested
    class Malay {
        @Test
        void belasAndPuluhMakeTeensAndTens() {
            assertThat(found("nombor dia kosong dua belas, tiga puluh empat, lima puluh enam, tujuh puluh lapan, sembilan",
                    "MY", EntityType.PHONE)).containsExactly(
                    "kosong dua belas, tiga puluh empat, lima puluh enam, tujuh puluh lapan, sembilan");
        }
    }

    @Nested
    class Swahili {
        @Test
        void miaBeforeItsMultiplierMakesHundreds() {
            assertThat(found("namba yake sifuri saba moja mbili, mia tatu arobaini na tano, sita saba nane", "KE",
                    EntityType.PHONE))
                    .containsExactly("sifuri saba moja mbili, mia tatu arobaini na tano, sita saba nane");
        }

        @Test
        void aDateBeforeATimeOfDayIsNoPhone() {
            assertThat(found("mkutano ni 03-11-2026 saa tatu asubuhi", "KE", EntityType.PHONE)).isEmpty();
        }

        @Test
        void teensAndTensJoinTheirUnitWithNa() {
            assertThat(found("mpigie sifuri saba kumi na mbili, thelathini na nne, hamsini na sita, sabini na nane", "KE",
                    EntityType.PHONE))
                    .containsExactly("sifuri saba kumi na mbili, thelathini na nne, hamsini na sita, sabini na nane");
        }
    }

    @Nested
    class Azerbaijani {
        @Test
        void wordsWrittenWithoutAzerbaijaniLettersAreRead() {
            assertThat(found("nomresi sifir elli bes, dord yuz on iki, otuz yeddi, seksen", "AZ", EntityType.PHONE))
                    .containsExactly("sifir elli bes, dord yuz on iki, otuz yeddi, seksen");
        }

        @Test
        void aCommaAfterTenKeepsItFromTheUnitAfterIt() {
            assertThat(found("nömrəsi sıfır on, iki üç dörd, qırx beş, altı yeddi", "AZ", EntityType.PHONE))
                    .containsExactly("sıfır on, iki üç dörd, qırx beş, altı yeddi");
        }

        @Test
        void aNumberInAzerbaijaniWordsIsReadWithoutACountryHint() {
            assertThat(found("sıfır əlli beş, dörd yüz on iki, otuz yeddi, səksən", null, EntityType.PHONE)).hasSize(1);
        }
    }

    @Nested
    class Chinese {
        @Test
        void radioDigitsAreRead() {
            assertThat(found("电话幺三八 洞洞幺三 八洞洞洞", "CN", EntityType.PHONE)).containsExactly("幺三八 洞洞幺三 八洞洞洞");
        }

        @Test
        void financialDigitsAreRead() {
            assertThat(found("她的电话壹叁捌 零零壹叁 捌零零零", "CN", EntityType.PHONE)).containsExactly("壹叁捌 零零壹叁 捌零零零");
        }

        @Test
        void fullwidthAndCircledDigitsAreRead() {
            assertThat(found("电话１３８００１３８０００快打", "CN", EntityType.PHONE)).containsExactly("１３８００１３８０００");
            assertThat(found("电话①③⑧⓪⓪①③⑧⓪⓪⓪", "CN", EntityType.PHONE)).containsExactly("①③⑧⓪⓪①③⑧⓪⓪⓪");
        }

        @Test
        void pinyinLiangAndTraditionalDigitsAreRead() {
            assertThat(found("dianhua yao san ba liang ling yao san ba ling ling ling", "CN", EntityType.PHONE))
                    .containsExactly("yao san ba liang ling yao san ba ling ling ling");
            assertThat(found("電話一三八 兩零零 一三八 零零", "CN", EntityType.PHONE)).hasSize(1);
        }
    }

    @Nested
    class AroundTheNumber {
        @Test
        void aWordForPlusBeforeTheCountryCodeIsRead() {
            assertThat(found("her number plus four four, seven nine one one, one two three four five six", "ES",
                    EntityType.PHONE))
                    .containsExactly("plus four four, seven nine one one, one two three four five six");
            assertThat(found("номер плюс семь девять один шесть один два три четыре пять шесть семь", null,
                    EntityType.PHONE))
                    .containsExactly("плюс семь девять один шесть один два три четыре пять шесть семь");
        }

        @Test
        void theBracketOfAnAreaCodeWithALetterForADigitBelongsToTheNumber() {
            assertThat(found("liga pra ela (1l) 9 8765-432l", "BR", EntityType.PHONE))
                    .containsExactly("(1l) 9 8765-432l");
        }

        @Test
        void anExplanationOfTheLettersAfterTheNumberIsNoPartOfIt() {
            assertThat(found("il numero è O2 8899 l234 (O=0)", "IT", EntityType.PHONE)).containsExactly("O2 8899 l234");
        }

        @Test
        void butWrittenMasBeforeANationalNumberLeavesItNational() {
            assertThat(found("no contesta, mas seis uno dos tres cuatro cinco seis siete ocho", "ES", EntityType.PHONE))
                    .containsExactly("seis uno dos tres cuatro cinco seis siete ocho");
        }

        @Test
        void aNumberThatRunsOnIntoAnAgeEndsWhereItIsValid() {
            assertThat(found("la de la foto: seis uno dos tres cuatro cinco seis siete ocho, 19 años", "ES",
                    EntityType.PHONE)).containsExactly("seis uno dos tres cuatro cinco seis siete ocho");
        }
    }

    @Nested
    class SeparatorsBetweenDigits {
        @Test
        void aSymbolBetweenEveryDigitIsASeparator() {
            assertThat(found("6❤1❤2❤3❤4❤5❤6❤7❤8 escribidle", "ES", EntityType.PHONE))
                    .containsExactly("6❤1❤2❤3❤4❤5❤6❤7❤8");
            assertThat(found("6・1・2・3・4・5・6・7・8", "ES", EntityType.PHONE)).containsExactly("6・1・2・3・4・5・6・7・8");
        }

        @Test
        void clockTimesAndCoordinatesStayApart() {
            assertThat(found("rdv à 12:30, 14:45 ou 16:10 demain", "FR", EntityType.PHONE)).isEmpty();
            assertThat(found("on est à 40°25'08 nord, 3°41'", null, EntityType.PHONE)).isEmpty();
        }

        @Test
        void dotsBetweenSomeGroupsOfSpacedDigitsAreSeparators() {
            assertThat(found("su numero 7 1 2 · 3 4 · 5 6 · 7 8", "ES", EntityType.PHONE))
                    .containsExactly("7 1 2 · 3 4 · 5 6 · 7 8");
        }

        @Test
        void anEmojiAfterANumberEndsIt() {
            assertThat(found("escribe al 612 345 678 😉 20 pavos la hora", "ES", EntityType.PHONE))
                    .containsExactly("612 345 678");
        }

        @Test
        void circledDigitsThatCountChaptersAreNoPhone() {
            assertThat(found("lisez ⑥ et ① puis ③", "FR", EntityType.PHONE)).isEmpty();
        }
    }
}
