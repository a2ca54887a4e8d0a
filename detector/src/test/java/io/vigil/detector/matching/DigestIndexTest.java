package io.vigil.detector.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestIndexTest {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    @Test
    void digestsOfContentAreTheStandardOnes() {
        // FIPS 180-2 and RFC 1321 test vectors
        assertThat(Digest.sha256Of(ABC).toHex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Digest.md5Of(ABC).toHex()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(Digest.fromHex(HashType.MD5, "900150983CD24FB0D6963F7D28E17F72")).isEqualTo(Digest.md5Of(ABC));
    }

    @Test
    void rejectsMalformedDigests() {
        assertThatThrownBy(() -> Digest.fromHex(HashType.MD5, "900150983cd24fb0d6963f7d28e17f7"))
                .hasMessageContaining("32 hex digits");
        assertThatThrownBy(() -> Digest.fromHex(HashType.SHA256, "x".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Digest.fromHex(HashType.PDQ, "0".repeat(64))).hasMessageContaining("PdqIndex");
    }

    @Test
    void mapsDigestsToEveryEntryHoldingThem() {
        DigestIndex index = new DigestIndex();
        Digest md5 = Digest.md5Of(ABC);
        Digest sha = Digest.sha256Of(ABC);
        assertThat(index.add(md5, 1)).isTrue();
        assertThat(index.add(md5, 2)).isTrue();
        assertThat(index.add(md5, 2)).isFalse();
        assertThat(index.add(sha, 3)).isTrue();
        assertThat(index.lookup(md5)).containsExactly(1, 2);
        assertThat(index.lookup(sha)).containsExactly(3);
        assertThat(index.lookup(Digest.md5Of(new byte[0]))).isEmpty();
        assertThat(index.remove(md5, 1)).isTrue();
        assertThat(index.remove(md5, 1)).isFalse();
        assertThat(index.lookup(md5)).containsExactly(2);
        assertThat(index.remove(md5, 2)).isTrue();
        assertThat(index.lookup(md5)).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void hashTypesKnowTheirHexForms() {
        assertThat(HashType.parse("SHA-256")).contains(HashType.SHA256);
        assertThat(HashType.parse(" pdq ")).contains(HashType.PDQ);
        assertThat(HashType.parse("tlsh")).isEmpty();
        assertThat(HashType.MD5.isValidHex("d41d8cd98f00b204e9800998ecf8427e")).isTrue();
        assertThat(HashType.MD5.isValidHex("d41d8cd98f00b204e9800998ecf8427")).isFalse();
        assertThat(HashType.PDQ.bits()).isEqualTo(256);
    }
}
