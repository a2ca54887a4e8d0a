package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import org.junit.jupiter.api.Test;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/** Each recogniser through the detector, on synthetic text: what it must find, and the look-alikes it must leave. */
class RecognizersTest {

    @Test
    void phonesInNationalAndInternationalFormats() {
        assertThat(found("su número es 612 34 56 78 escribidle", "ES", EntityType.PHONE)).containsExactly("612 34 56 78");
        assertThat(found("tlf: (+34) 612-345-678", "ES", EntityType.PHONE)).containsExactly("(+34) 612-345-678");
        assertThat(found("il suo cell 333.123.4567", "IT", EntityType.PHONE)).containsExactly("333.123.4567");
        assertThat(found("her number +44 7700 900123 lol", null, EntityType.PHONE)).containsExactly("+44 7700 900123");
        assertThat(found("её номер 8 (912) 345-67-89", "RU", EntityType.PHONE)).containsExactly("8 (912) 345-67-89");
        assertThat(found("她的电话13800138000大家打", "CN", EntityType.PHONE)).containsExactly("13800138000");
    }

    @Test
    void phonesPartlyInWords() {
        assertThat(found("su movil es el seis uno dos 34 56 78 jaja", "ES", EntityType.PHONE))
                .containsExactly("seis uno dos 34 56 78");
        assertThat(found("call six one two three four five six seven eight", "ES", EntityType.PHONE)).hasSize(1);
    }

    @Test
    void datesPricesAndOrderNumbersAreNotPhones() {
        assertThat(found("quedamos el 12/03/2024 a las 18:30", "ES", EntityType.PHONE)).isEmpty();
        assertThat(found("el piso cuesta 612.345 € negociables", "ES", EntityType.PHONE)).isEmpty();
        assertThat(found("tu pedido 612345678 ha salido del almacén", "ES", EntityType.PHONE)).isEmpty();
        assertThat(found("Invoice No. INV-2024-0158 total 1.214,16 €", "GB", EntityType.PHONE)).isEmpty();
    }

    @Test
    void emailsPlainAndObfuscated() {
        assertThat(found("su correo maria.lopez98@gmail.com jaja", "ES", EntityType.EMAIL))
                .containsExactly("maria.lopez98@gmail.com");
        assertThat(found("mail: maria_lg arroba hotmail punto com", "ES", EntityType.EMAIL))
                .containsExactly("maria_lg arroba hotmail punto com");
        assertThat(found("write to anna.k [at] yahoo [dot] co [dot] uk", "GB", EntityType.EMAIL)).hasSize(1);
        assertThat(found("я была at home. it was fine", null, EntityType.EMAIL)).isEmpty();
        assertThat(found("insta @maria.lopez", "ES", EntityType.EMAIL)).isEmpty();
    }

    @Test
    void socialLinksAndHandles() {
        assertThat(found("su insta instagram.com/maria.lopez98, seguidla", "ES", EntityType.SOCIAL_URL))
                .containsExactly("instagram.com/maria.lopez98");
        assertThat(found("https://t.me/annushka_k and wa.me/34612345678", null, EntityType.SOCIAL_URL)).hasSize(2);
        assertThat(found("ig: nerea.glz02 la tiene abierta", "ES", EntityType.SOCIAL_HANDLE)).containsExactly("nerea.glz02");
        assertThat(found("el tiktok de la pava @sofi_mrtnz", "ES", EntityType.SOCIAL_HANDLE)).containsExactly("@sofi_mrtnz");
        assertThat(found("她QQ1847293051空间", "CN", EntityType.SOCIAL_HANDLE)).containsExactly("1847293051");
        assertThat(found("mi insta es genial", "ES", EntityType.SOCIAL_HANDLE)).as("an ordinary word").isEmpty();
        assertThat(found("actualizad Telegram a la 10.14.5", "ES", EntityType.SOCIAL_HANDLE)).as("a version").isEmpty();
    }

    @Test
    void nationalIdsNeedAValidChecksum() {
        assertThat(found("tengo su DNI 12345678Z jaja", "ES", EntityType.NATIONAL_ID)).containsExactly("12345678Z");
        assertThat(found("tengo su DNI 12345678A jaja", "ES", EntityType.NATIONAL_ID)).isEmpty();
        assertThat(found("CPF dela 529.982.247-25", "BR", EntityType.NATIONAL_ID)).containsExactly("529.982.247-25");
        assertThat(found("CPF dela 529.982.247-26", "BR", EntityType.NATIONAL_ID)).isEmpty();
        assertThat(found("codice fiscale RSSMRA85T10A562S", "IT", EntityType.NATIONAL_ID)).hasSize(1);
        assertThat(found("身份证11010519491231002X", "CN", EntityType.NATIONAL_ID)).hasSize(1);
        assertThat(found("её ИНН 7707083893", "RU", EntityType.NATIONAL_ID)).hasSize(1);
        assertThat(found("номер 7707083893", "RU", EntityType.NATIONAL_ID)).as("bare digits need their label").isEmpty();
    }

    @Test
    void ibansStopAtTheRegisteredLength() {
        assertThat(found("su cuenta ES91 2100 0418 4502 0005 1332 para transferencias", "ES", EntityType.IBAN))
                .containsExactly("ES91 2100 0418 4502 0005 1332");
        assertThat(found("el IBAN ES91 2100 0418 4502 0005 1333 no valida", "ES", EntityType.IBAN)).isEmpty();
    }

    @Test
    void addressesInLocalFormats() {
        assertThat(found("vive en C/ Río Duero 23, 3ºB, 28914 Leganés por si acaso", "ES", EntityType.ADDRESS))
                .containsExactly("C/ Río Duero 23, 3ºB, 28914 Leganés");
        assertThat(found("abita in Via dei Mille 21/B, 80121 Napoli, citofono", "IT", EntityType.ADDRESS))
                .containsExactly("Via dei Mille 21/B, 80121 Napoli");
        assertThat(found("elle habite 21 rue Nationale, 59000 Lille", "FR", EntityType.ADDRESS))
                .containsExactly("21 rue Nationale, 59000 Lille");
        assertThat(found("sie wohnt Hauptstraße 12, 10115 Berlin", "DE", EntityType.ADDRESS))
                .containsExactly("Hauptstraße 12, 10115 Berlin");
        assertThat(found("живёт ул. Ленина, д. 5, кв. 12", "RU", EntityType.ADDRESS)).containsExactly("ул. Ленина, д. 5, кв. 12");
        assertThat(found("她住在北京市朝阳区建国路88号", "CN", EntityType.ADDRESS)).containsExactly("北京市朝阳区建国路88号");
        assertThat(found("dia duduk No. 12, Jalan SS 2/24, 47300 Petaling Jaya", "MY", EntityType.ADDRESS)).hasSize(1);
        assertThat(found("mándalo via whatsapp 12 euros", "ES", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void coordinatesPlatesAndBirthDates() {
        assertThat(found("aquí vive 📍 40.4168, -3.7038", "ES", EntityType.GEO)).containsExactly("40.4168, -3.7038");
        assertThat(found("cuesta 1.500, 2.300 con descuento", "ES", EntityType.GEO)).isEmpty();
        assertThat(found("su coche es el 4821 KFP blanco", "ES", EntityType.PLATE)).containsExactly("4821 KFP");
        assertThat(found("sa caisse c'est la GB-571-HM", "FR", EntityType.PLATE)).containsExactly("GB-571-HM");
        assertThat(found("Cristina R., nacida el 12/08/2005, de Alcorcón", "ES", EntityType.DOB)).containsExactly("12/08/2005");
        assertThat(found("la reunión es el 12/08/2005 en la sala", "ES", EntityType.DOB)).as("no birth cue").isEmpty();
    }
}
