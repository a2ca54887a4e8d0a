package io.vigil.standalone.commands.banks;

import io.vigil.schemas.SignalType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EntryTableTest {

    private static final String PDQ = "63bc75ae92327bf81cf84ab86609a703da726759598b8c03a6098a035cf63ffc";
    private static final String MD5 = "900150983cd24fb0d6963f7d28e17f72";

    @Test
    void keysRoundTripTheirHex() {
        assertThat(EntryKey.of(SignalType.PDQ, PDQ).orElseThrow().hex()).isEqualTo(PDQ);
        assertThat(EntryKey.of(SignalType.MD5, MD5).orElseThrow().hex()).isEqualTo(MD5);
        String zeros = "0".repeat(64);
        assertThat(EntryKey.of(SignalType.SHA256, zeros).orElseThrow().hex()).isEqualTo(zeros);
    }

    @Test
    void onlyLowerCaseHexOfTheTypesLengthIsAKey() {
        assertThat(EntryKey.of(SignalType.PDQ, PDQ.toUpperCase())).isEmpty();
        assertThat(EntryKey.of(SignalType.PDQ, MD5)).isEmpty();
        assertThat(EntryKey.of(SignalType.MD5, PDQ)).isEmpty();
        assertThat(EntryKey.of(SignalType.MD5, "g" + MD5.substring(1))).isEmpty();
        assertThat(EntryKey.of(SignalType.UNKNOWN, MD5)).isEmpty();
    }

    @Test
    void recordKeysAreReadForTheirOwnBankOnly() {
        assertThat(EntryKey.ofRecordKey("ncii", "ncii/PDQ/" + PDQ)).contains(EntryKey.of(SignalType.PDQ, PDQ).orElseThrow());
        assertThat(EntryKey.ofRecordKey("ncii", "ncii-2/PDQ/" + PDQ)).isEmpty();
        assertThat(EntryKey.ofRecordKey("ncii", "ncii/UNKNOWN/" + PDQ)).isEmpty();
        assertThat(EntryKey.ofRecordKey("ncii", "ncii/pdq/" + PDQ)).isEmpty();
        assertThat(EntryKey.ofRecordKey("ncii", "ncii/PDQ")).isEmpty();
        assertThat(EntryKey.of(SignalType.MD5, MD5).orElseThrow().recordKey("b")).isEqualTo("b/MD5/" + MD5);
    }

    @Test
    void holdsWhatAHashMapHolds() {
        Random random = new Random(7);
        EntryTable table = new EntryTable();
        Map<String, Integer> reference = new HashMap<>();
        byte[] bytes = new byte[32];
        for (int i = 0; i < 100_000; i++) {
            SignalType type = i % 3 == 0 ? SignalType.MD5 : i % 3 == 1 ? SignalType.PDQ : SignalType.SHA256;
            random.nextBytes(bytes);
            if (i % 10 == 0) {
                bytes = new byte[32]; // structured values too: all zeros but a counter
                bytes[31] = (byte) i;
                bytes[30] = (byte) (i >> 8);
            }
            String hex = HexFormat.of().formatHex(bytes).substring(0, type == SignalType.MD5 ? 32 : 64);
            int bank = random.nextInt(3);
            int entry = table.findOrAdd(bank, EntryKey.of(type, hex).orElseThrow());
            Integer known = reference.putIfAbsent(bank + "/" + type + "/" + hex, entry);
            assertThat(entry).isEqualTo(known == null ? reference.size() - 1 : known);
            table.payload(entry, i);
        }
        assertThat(table.size()).isEqualTo(reference.size());
        reference.forEach((key, entry) -> {
            String[] parts = key.split("/");
            EntryKey parsed = EntryKey.of(SignalType.valueOf(parts[1]), parts[2]).orElseThrow();
            assertThat(table.find(Integer.parseInt(parts[0]), parsed)).isEqualTo(entry);
            assertThat(table.key(entry)).isEqualTo(parsed);
            assertThat(table.bank(entry)).isEqualTo(Integer.parseInt(parts[0]));
        });
    }

    @Test
    void theSameValueInAnotherBankOrOfAnotherTypeIsAnotherEntry() {
        EntryTable table = new EntryTable();
        String zeros = "0".repeat(64);
        int pdq = table.findOrAdd(0, EntryKey.of(SignalType.PDQ, zeros).orElseThrow());
        int sha = table.findOrAdd(0, EntryKey.of(SignalType.SHA256, zeros).orElseThrow());
        int otherBank = table.findOrAdd(1, EntryKey.of(SignalType.PDQ, zeros).orElseThrow());
        int md5 = table.findOrAdd(0, EntryKey.of(SignalType.MD5, "0".repeat(32)).orElseThrow());

        assertThat(new int[]{pdq, sha, otherBank, md5}).containsExactly(0, 1, 2, 3);
        assertThat(table.find(2, EntryKey.of(SignalType.PDQ, zeros).orElseThrow())).isEqualTo(-1);
        table.state(sha, (byte) 5);
        assertThat(table.state(sha)).isEqualTo((byte) 5);
        assertThat(table.state(pdq)).isZero();
    }
}
