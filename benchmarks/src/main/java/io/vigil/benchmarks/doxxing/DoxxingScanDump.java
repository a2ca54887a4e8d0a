package io.vigil.benchmarks.doxxing;

import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.PriorCues;
import io.vigil.detector.doxxing.TextScan;
import io.vigil.doxxingeval.CorpusLoader;
import io.vigil.doxxingeval.LabelledMessage;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Everything the doxxing detector says about a fixed set of messages, one line per scan: entities with their keyed
 * hashes (a fixed secret), formats, previews and confidences, the exact score, the reasons, the cue kinds, the
 * scorer's feature vector. Speed work that must not change behaviour runs it with the build before and the build
 * after and compares the two files byte for byte.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.doxxing.DoxxingScanDump corpora/doxxing out.txt</pre>
 *
 * <p>The messages: every corpus message with its own country, without one and with two other countries (so that
 * every recogniser's region-dependent path runs), and the benchmark's mix (its own proportions with the hint ES, and
 * a mix richer in digits and data with the hint IT); each with and without a preceding image.
 */
public final class DoxxingScanDump {

    private static final byte[] SECRET = "scan-dump-secret-not-for-production".getBytes(StandardCharsets.UTF_8);
    /** Countries the corpus messages are also scanned under: every region a recogniser treats apart, and none. */
    private static final String[] OTHER_COUNTRIES = {null, "ES", "RU", "CN", "GB", "KE", "AZ", "MY", "BR", "DE", "FR",
            "IT", "PT", "US", "CU", "ZZ"};

    private record Input(String text, String country, String previous, boolean otherCountries) {
    }

    private DoxxingScanDump() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: DoxxingScanDump <corpus directory> <output file>");
            System.exit(2);
        }
        DoxxingDetector detector = DoxxingDetector.create(DoxxingConfig.defaults(SECRET));
        List<Input> inputs = new ArrayList<>();
        for (LabelledMessage m : new CorpusLoader().load(Path.of(args[0]))) {
            inputs.add(new Input(m.text(), m.country(), m.previous(), true));
        }
        for (String text : MessageMix.generate(20_000, 0.12, 0.05, 20_240_501L)) {
            inputs.add(new Input(text, "ES", null, false));
        }
        for (String text : MessageMix.generate(3_000, 0.5, 0.3, 7L)) {
            inputs.add(new Input(text, "IT", null, false));
        }
        try (PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(args[1])), false,
                StandardCharsets.UTF_8)) {
            for (int i = 0; i < inputs.size(); i++) {
                dump(detector, inputs.get(i), i, out);
            }
        }
    }

    private static void dump(DoxxingDetector detector, Input in, int index, PrintStream out) {
        List<String> countries = new ArrayList<>(Arrays.asList(in.country(), null));
        if (in.otherCountries()) {
            countries.add(OTHER_COUNTRIES[index % OTHER_COUNTRIES.length]);
            countries.add(OTHER_COUNTRIES[(index * 7 + 3) % OTHER_COUNTRIES.length]);
        }
        PriorCues prior = in.previous() == null ? PriorCues.NONE : detector.priorCues(in.previous());
        for (String country : countries) {
            for (boolean followsImage : new boolean[]{false, true}) {
                Optional<String> hint = Optional.ofNullable(country);
                TextScan scan = detector.scan(in.text(), hint, followsImage, prior);
                out.println(index + "|" + country + "|" + followsImage + "|" + scan);
                double[] features = detector.features(in.text(), hint, followsImage, prior);
                out.println("  features=" + (features == null ? "null" : Arrays.toString(features)));
            }
        }
        out.println("  priorCues=" + detector.priorCues(in.text()));
    }
}
