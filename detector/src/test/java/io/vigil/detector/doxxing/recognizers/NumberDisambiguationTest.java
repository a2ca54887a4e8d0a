package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.TestDetectors;
import io.vigil.detector.doxxing.DetectedEntity;
import org.junit.jupiter.api.Test;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/** Numbers that are not phones: payment cards, IP addresses, house numbers and postcodes, order numbers. */
class NumberDisambiguationTest {

    @Test
    void luhnValidCardNumbersArePaymentCardsNotPhones() {
        String text = "pay the pack with card 4111 1111 1111 1111 thanks";
        assertThat(found(text, null, EntityType.PAYMENT_CARD)).containsExactly("4111 1111 1111 1111");
        assertThat(found(text, null, EntityType.PHONE)).isEmpty();
        assertThat(found("targeta 5555555555554444 a nom d'Anna", "ES", EntityType.PAYMENT_CARD)).containsExactly("5555555555554444");
        assertThat(found("她妈的银行卡6200 0000 0000 0005有效期09/27", "CN", EntityType.PAYMENT_CARD))
                .containsExactly("6200 0000 0000 0005");
    }

    @Test
    void cardsAreMaskedToTheirLastFourDigits() {
        DetectedEntity card = TestDetectors.scan("card 4012 8888 8888 1881 lol", null).entities().get(0);
        assertThat(card.type()).isEqualTo(EntityType.PAYMENT_CARD);
        assertThat(card.maskedPreview()).isEqualTo("•••• •••• •••• 1881");
        assertThat(card.format()).isEqualTo("visa");
    }

    @Test
    void aWrongCheckDigitOrAnOrderNumberIsNoCard() {
        assertThat(found("card 4111 1111 1111 1112", null, EntityType.PAYMENT_CARD)).isEmpty();
        assertThat(found("Deine Bestellung Nr. 304-8813920-4471829 wurde versandt", "DE", EntityType.PAYMENT_CARD)).isEmpty();
    }

    @Test
    void ipAddressesAreNotPhones() {
        assertThat(found("pack server is 203.0.113.17 port 8080", null, EntityType.PHONE)).isEmpty();
        assertThat(found("router at 192.168.100.254 again", "ES", EntityType.PHONE)).isEmpty();
    }

    @Test
    void withoutACountryHintANationalNumberNeedsARegionTheTextSupports() {
        // Spanish words support ES: a Spanish mobile is a phone.
        assertThat(found("su número es 612 34 56 78 escribidle", null, EntityType.PHONE)).containsExactly("612 34 56 78");
        // Nothing supports any region and no phone label: digits alone are not read as someone's phone.
        assertThat(found("12 28013 4412", null, EntityType.PHONE)).isEmpty();
        // International numbers carry their region.
        assertThat(found("Jess from the new pack: +353 87 142 8830", null, EntityType.PHONE)).containsExactly("+353 87 142 8830");
    }

    @Test
    void labelledNonPhonesWithoutAHintYieldOnlyToInternationalNumbers() {
        assertThat(found("invoice 2024-0193, ip 203.0.113.5, office +1 312 555 0147", null, EntityType.PHONE))
                .containsExactly("+1 312 555 0147");
    }

    @Test
    void houseNumbersAndPostcodesStayInsideTheAddress() {
        String text = "vive en Calle Mayor 12, 28013 Madrid";
        assertThat(found(text, null, EntityType.ADDRESS)).containsExactly("Calle Mayor 12, 28013 Madrid");
        assertThat(found(text, null, EntityType.PHONE)).isEmpty();
    }
}
