package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import org.junit.jupiter.api.Test;

import static io.vigil.detector.doxxing.TestDetectors.found;
import static org.assertj.core.api.Assertions.assertThat;

/** English-language street addresses (UK, US, Ireland, Australia, Kenya) and Catalan ones. */
class AddressesTest {

    @Test
    void englishStreetAddressesWithUnitsCitiesAndPostcodes() {
        assertThat(found("she lives at 14 Kingsway Road, Leeds LS6 2BP, go say hi", "GB", EntityType.ADDRESS))
                .containsExactly("14 Kingsway Road, Leeds LS6 2BP");
        assertThat(found("her address is 1234 Oak Street, Apt 5B, Springfield, IL 62704", "US", EntityType.ADDRESS))
                .containsExactly("1234 Oak Street, Apt 5B, Springfield, IL 62704");
        assertThat(found("Flat 3, 27 Mill Lane, Bristol BS1 4QT", "GB", EntityType.ADDRESS))
                .containsExactly("Flat 3, 27 Mill Lane, Bristol BS1 4QT");
        assertThat(found("her unit Unit 4/27 Enmore Rd, Newtown NSW 2042", "AU", EntityType.ADDRESS))
                .containsExactly("Unit 4/27 Enmore Rd, Newtown NSW 2042");
        assertThat(found("gig at 25 Wexford Street, Dublin 2, D02 H527, doors 8", "IE", EntityType.ADDRESS))
                .containsExactly("25 Wexford Street, Dublin 2, D02 H527");
        assertThat(found("anaishi Kindaruma Road, Apt 4B, Kilimani, Nairobi.", "KE", EntityType.ADDRESS))
                .containsExactly("Kindaruma Road, Apt 4B, Kilimani, Nairobi");
    }

    @Test
    void everydayWordsAndSaintsAreNoStreets() {
        assertThat(found("see you at her place 12 sharp", "GB", EntityType.ADDRESS)).isEmpty();
        assertThat(found("this is Ellie, year 12 at St Aidan's Catholic Academy", "GB", EntityType.ADDRESS)).isEmpty();
    }

    @Test
    void catalanAddressesWithFloorAndDoor() {
        assertThat(found("viu al carrer de Pau Claris 112, 2n 1a, 08009 Barcelona", "ES", EntityType.ADDRESS))
                .containsExactly("carrer de Pau Claris 112, 2n 1a, 08009 Barcelona");
        assertThat(found("la trobareu a la Plaça del Sol 4, Gràcia", "ES", EntityType.ADDRESS))
                .containsExactly("Plaça del Sol 4, Gràcia");
    }
}
