package io.vigil.detector.doxxing.recognizers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTest {

    @Test
    void spanishDniAndNie() {
        assertThat(Checksums.spanishDni("12345678", 'Z')).isTrue();
        assertThat(Checksums.spanishDni("12345678", 'A')).isFalse();
        assertThat(Checksums.spanishNie('X', "1234567", 'L')).isTrue();
        assertThat(Checksums.spanishNie('X', "1234567", 'M')).isFalse();
    }

    @Test
    void italianCodiceFiscaleIncludingOmocodia() {
        assertThat(Checksums.italianCodiceFiscale("RSSMRA85T10A562S")).isTrue();
        assertThat(Checksums.italianCodiceFiscale("RSSMRA85T10A562T")).isFalse();
    }

    @Test
    void portugueseNif() {
        assertThat(Checksums.portugueseNif("123456789")).isTrue();
        assertThat(Checksums.portugueseNif("123456780")).isFalse();
    }

    @Test
    void frenchNirKeyIs97MinusTheNumberMod97() {
        String body = "1850578006084";
        long key = 97 - Long.parseLong(body) % 97;
        String keyText = String.format("%02d", key);
        assertThat(Checksums.frenchNir(body + keyText)).isTrue();
        assertThat(Checksums.frenchNir(body + String.format("%02d", (key % 97) + 1))).isFalse();
        assertThat(Checksums.frenchNir("1851378006084" + keyText)).as("month 13 does not exist").isFalse();
    }

    @Test
    void brazilianCpf() {
        assertThat(Checksums.brazilianCpf("52998224725")).isTrue();
        assertThat(Checksums.brazilianCpf("52998224726")).isFalse();
        assertThat(Checksums.brazilianCpf("11111111111")).as("repeated digits are never issued").isFalse();
    }

    @Test
    void chineseResidentId() {
        assertThat(Checksums.chineseResidentId("11010519491231002X")).isTrue();
        assertThat(Checksums.chineseResidentId("110105194912310021")).isFalse();
        assertThat(Checksums.chineseResidentId("11010519491331002X")).as("no 13th month").isFalse();
    }

    @Test
    void russianInnAndSnils() {
        assertThat(Checksums.russianInn("7707083893")).isTrue();
        assertThat(Checksums.russianInn("7707083894")).isFalse();
        assertThat(Checksums.russianSnils("11223344595")).isTrue();
        assertThat(Checksums.russianSnils("11223344596")).isFalse();
    }

    @Test
    void germanTaxIdAndMalaysianMyKadAndCubanCarne() {
        assertThat(Checksums.germanTaxId("86095742719")).isTrue();
        assertThat(Checksums.germanTaxId("86095742718")).isFalse();
        assertThat(Checksums.malaysianMyKad("900101145678")).isTrue();
        assertThat(Checksums.malaysianMyKad("901301145678")).as("no 13th month").isFalse();
        assertThat(Checksums.malaysianMyKad("900101005678")).as("place code 00 is not issued").isFalse();
        assertThat(Checksums.cubanCi("00012406858")).isTrue();
        assertThat(Checksums.cubanCi("00023006858")).as("30 February").isFalse();
    }

    @Test
    void ibanMod97() {
        assertThat(Checksums.iban("GB82WEST12345698765432")).isTrue();
        assertThat(Checksums.iban("DE89370400440532013000")).isTrue();
        assertThat(Checksums.iban("DE89370400440532013001")).isFalse();
    }
}
