package io.vigil.benchmarks.serde;

import io.vigil.benchmarks.doxxing.MessageMix;
import io.vigil.schemas.Detection;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.NudityScores;
import io.vigil.schemas.TextEntity;
import io.vigil.schemas.serde.AvroSerde;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecordBase;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the bounded decoding every Vigil service does on every input costs, against Avro's own binary decoder (which
 * trusts every declared length) reading the same bytes in the same run: a message event of group chat text (the
 * doxxing benchmark's mix) and a Detection with entities and nudity scores. One thread, alternating rounds, medians.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.serde.AvroDecodingBenchmark [rounds=15] [records-per-round=200000]
 * </pre>
 */
public final class AvroDecodingBenchmark {

    private static final int HEADER_BYTES = 10; // Avro single-object encoding: marker and fingerprint

    private AvroDecodingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        System.out.printf(Locale.ROOT, "Avro decoding, one thread, JVM %s, %d processors visible, %d rounds of %,d records%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), rounds, perRound);
        compare("MessageEvent", MessageEvent.class, messageEvents(), rounds, perRound);
        compare("Detection", Detection.class, List.of(detection()), rounds, perRound);
    }

    private static <T extends SpecificRecordBase> void compare(String name, Class<T> type, List<T> records, int rounds,
                                                               int perRound) throws IOException {
        AvroSerde<T> serde = AvroSerde.of(type);
        List<byte[]> encoded = new ArrayList<>();
        for (T record : records) {
            encoded.add(serde.serialize("bench", record));
        }
        SpecificDatumReader<T> avroReader = new SpecificDatumReader<>(type);
        double[] bounded = new double[rounds];
        double[] avro = new double[rounds];
        long sink = 0;
        for (int round = -3; round < rounds; round++) { // three warm-up rounds
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                sink += serde.deserialize("bench", encoded.get(i % encoded.size())).hashCode();
            }
            long middle = System.nanoTime();
            BinaryDecoder decoder = null;
            for (int i = 0; i < perRound; i++) {
                byte[] bytes = encoded.get(i % encoded.size());
                decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES, decoder);
                sink += avroReader.read(null, decoder).hashCode();
            }
            long end = System.nanoTime();
            if (round >= 0) {
                bounded[round] = (middle - start) / (double) perRound;
                avro[round] = (end - middle) / (double) perRound;
            }
        }
        double boundedNs = median(bounded);
        double avroNs = median(avro);
        int averageBytes = (int) encoded.stream().mapToInt(b -> b.length).average().orElse(0);
        System.out.printf(Locale.ROOT, "%-12s %5d bytes avg | Avro's decoder %8.0f ns/record | Vigil bounded %8.0f ns/record | ratio %.2f (%s)%n",
                name, averageBytes, avroNs, boundedNs, boundedNs / avroNs, sink == 42 ? "!" : "medians");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<MessageEvent> messageEvents() {
        List<MessageEvent> events = new ArrayList<>();
        List<String> texts = MessageMix.generate(500, 0.12, 0.05, 7);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            events.add(MessageEvent.newBuilder().setPlatform("telegram").setChatId("-100" + (1_000_000 + i % 240))
                    .setMessageId(Integer.toString(90_000 + i)).setSenderId(Integer.toString(5_000 + i % 997))
                    .setSentAt(Instant.ofEpochMilli(1_760_000_000_000L + i)).setText(text)
                    .setEntities(text.length() > 8 ? List.of(new TextEntity("mention", 0, 5, null)) : List.of())
                    .build());
        }
        return events;
    }

    private static Detection detection() {
        NudityScores scores = NudityScores.newBuilder().setModel("nsfw-mobilenet-v2")
                .setScores(Map.of("drawing", 0.01, "hentai", 0.02, "neutral", 0.9, "porn", 0.03, "sexy", 0.04))
                .setExplicit(0.05).setSuggestive(0.04).setDrawn(0.03).setNeutral(0.9).build();
        return Detection.newBuilder().setPlatform("telegram").setChatId("-1001000017").setMessageId("90017")
                .setSenderId("5017").setSentAt(Instant.ofEpochMilli(1_760_000_000_000L)).setDetectedAt(Instant.ofEpochMilli(1_760_000_000_120L))
                .setMedia(List.of(MediaSignal.newBuilder().setMediaId("photo-1").setKind(MediaKind.PHOTO)
                        .setSha256("ab".repeat(32)).setPdq("cd".repeat(32)).setPdqQuality(87).setNudity(scores).build()))
                .build();
    }
}
