package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

/**
 * Prints precision, recall and F1 of the doxxing detector on the labelled corpus, per entity type, per language and
 * for the decision, for each split separately (tune on dev, report test).
 *
 * <pre>
 * EvaluationRunner [corpus path, default corpora/doxxing] [--split dev|test|all] [--errors] [--config file.yaml]
 * </pre>
 * Hashes do not matter here, so a random HMAC secret is used.
 */
public final class EvaluationRunner {

    private EvaluationRunner() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of("corpora/doxxing");
        String split = "all";
        boolean errors = false;
        Path config = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--split" -> split = args[++i];
                case "--errors" -> errors = true;
                case "--config" -> config = Path.of(args[++i]);
                default -> corpus = Path.of(args[i]);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(run(corpus, split, errors, config));
    }

    public static String run(Path corpus, String split, boolean errors, Path config) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        DoxxingConfig cfg = config == null ? DoxxingConfig.defaults(secret) : DoxxingConfig.load(config, secret);
        DoxxingDetector detector = DoxxingDetector.create(cfg);
        List<LabelledMessage> messages = new CorpusLoader().load(corpus);
        StringBuilder out = new StringBuilder();
        List<String> splits = split.equals("all") ? List.of("dev", "test") : List.of(split);
        for (String s : splits) {
            List<LabelledMessage> part = messages.stream().filter(m -> m.split().equals(s)).toList();
            out.append(EvaluationReport.format(corpus + " split=" + s,
                    Evaluation.run(detector, part, Evaluation.labelledTypes(messages)), errors)).append('\n');
        }
        return out.toString();
    }
}
