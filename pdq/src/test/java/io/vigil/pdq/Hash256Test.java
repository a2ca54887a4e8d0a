package io.vigil.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Hash256Test {

    private static final String HEX = "963c79c93cf69ed836d8fee21e69878c2de70a78c39c41f62c3c481d929634c2";

    @Test
    void hexRoundTripsAndParsesEitherCase() {
        Hash256 h = Hash256.fromHex(HEX);
        assertThat(h.toHex()).isEqualTo(HEX);
        assertThat(Hash256.fromHex(HEX.toUpperCase())).isEqualTo(h);
        assertThat(Hash256.fromHex("0".repeat(64)).toHex()).isEqualTo("0".repeat(64));
        assertThat(Hash256.fromHex("f".repeat(64)).bitCount()).isEqualTo(256);
    }

    @Test
    void bitsAreNumberedLikeTheReference() {
        // Reference Hash256.setBit(k): word k/16 bit k%16, printed with word 15 first: bit 0 is the last digit's
        // lowest bit, bit 255 the first digit's highest.
        assertThat(Hash256.fromHex("0".repeat(63) + "1").bit(0)).isTrue();
        assertThat(Hash256.fromHex("8" + "0".repeat(63)).bit(255)).isTrue();
        assertThat(Hash256.fromHex("0".repeat(60) + "0010").bit(4)).isTrue();
        boolean[] bits = new boolean[256];
        bits[0] = true;
        bits[17] = true;
        bits[255] = true;
        Hash256 h = Hash256.ofBits(bits);
        assertThat(h.toHex()).isEqualTo("8" + "0".repeat(58) + "20001");
        for (int k = 0; k < 256; k++) {
            assertThat(h.bit(k)).isEqualTo(bits[k]);
        }
    }

    @Test
    void distanceCountsDifferingBits() {
        Hash256 h = Hash256.fromHex(HEX);
        Random random = new Random(1);
        for (int n = 0; n <= 256; n += 16) {
            Hash256 other = h;
            List<Integer> positions = new ArrayList<>();
            for (int k = 0; k < 256; k++) {
                positions.add(k);
            }
            Collections.shuffle(positions, random);
            for (int i = 0; i < n; i++) {
                other = other.withBitFlipped(positions.get(i));
            }
            assertThat(h.distance(other)).isEqualTo(n);
            long[] words = new long[6];
            other.copyWords(words, 2);
            assertThat(h.distance(words, 2)).isEqualTo(n);
            assertThat(h.xor(other).bitCount()).isEqualTo(n);
        }
    }

    @Test
    void rejectsAnythingButSixtyFourHexDigits() {
        assertThatThrownBy(() -> Hash256.fromHex(HEX.substring(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> Hash256.fromHex(HEX.substring(1) + "g")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 63");
        assertThatThrownBy(() -> Hash256.fromHex(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Hash256.isHex(HEX)).isTrue();
        assertThat(Hash256.isHex(" " + HEX.substring(1))).isFalse();
    }

    @Test
    void ordersLikeItsHexForm() {
        Random random = new Random(2);
        List<Hash256> hashes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            hashes.add(Hash256.ofWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
        }
        List<String> byHash = hashes.stream().sorted().map(Hash256::toHex).toList();
        List<String> byHex = hashes.stream().map(Hash256::toHex).sorted().toList();
        assertThat(byHash).isEqualTo(byHex);
    }

    @Test
    void equalHashesAreEqualValues() {
        assertThat(Hash256.fromHex(HEX)).isEqualTo(Hash256.fromHex(HEX)).hasSameHashCodeAs(Hash256.fromHex(HEX));
        assertThat(Hash256.fromHex(HEX)).isNotEqualTo(Hash256.fromHex(HEX).withBitFlipped(100));
    }
}
