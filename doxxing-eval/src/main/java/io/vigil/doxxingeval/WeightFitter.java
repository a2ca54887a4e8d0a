package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.scoring.ScoringWeights;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits the exposure weights by L2-regularised logistic regression on the DEV split only, and prints them as the
 * {@code weights:} block of {@code doxxing/detector.yaml}. Messages without personal data are left out: the
 * detector never flags them. The test split and any held-out corpus stay unseen.
 *
 * <p>With {@code --cv}, it first estimates how the model does on a language it was not fitted on: for each dev
 * language, the weights are fitted on the other languages' dev messages and that language's dev messages are scored
 * (leave-one-language-out). Messages in different languages were written from a shared list of scenarios, so random
 * folds would put a scenario's translations on both sides; language folds keep them apart. The pooled out-of-fold
 * precision, recall and F1 are printed per regularisation strength and threshold, so both are chosen on data the
 * weights did not see.
 *
 * <pre>WeightFitter [corpus path, default corpora/doxxing] [--l2 0.02] [--cv]</pre>
 */
public final class WeightFitter {

    private static final int ITERATIONS = 4000;
    private static final double LEARNING_RATE = 0.5;
    private static final double[] CV_L2 = {0.002, 0.005, 0.01, 0.02, 0.05};
    private static final double[] CV_THRESHOLDS = {0.40, 0.45, 0.50, 0.55, 0.60, 0.65};

    private WeightFitter() {
    }

    /** One dev message with personal data: its language, feature vector and gold label. */
    record Example(String lang, double[] x, boolean doxxing) {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of("corpora/doxxing");
        double l2 = 0.02;
        boolean cv = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--l2" -> l2 = Double.parseDouble(args[++i]);
                case "--cv" -> cv = true;
                default -> corpus = Path.of(args[i]);
            }
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        DoxxingConfig config = DoxxingConfig.defaults(secret);
        DoxxingDetector detector = DoxxingDetector.create(config);
        List<Example> examples = new ArrayList<>();
        int missed = 0;
        for (LabelledMessage m : new CorpusLoader().load(corpus)) {
            if (!m.split().equals("dev")) {
                continue;
            }
            double[] x = detector.features(m.text(), m.countryHint(), m.afterImage(), detector.priorCues(m.previous()));
            if (x != null) {
                examples.add(new Example(m.lang(), x, m.doxxing()));
            } else if (m.doxxing()) {
                missed++;
            }
        }
        if (cv) {
            System.out.print(crossValidate(examples, missed));
        }
        double[] w = fit(examples, l2);
        ScoringWeights fitted = ScoringWeights.fromVector(w, config.weights().maxAdditional());
        System.out.println("# fitted on " + examples.size() + " dev messages with personal data, l2=" + l2);
        System.out.print(yaml(fitted));
    }

    /**
     * Leave-one-language-out estimate: pooled out-of-fold P/R/F1 per l2 and threshold. {@code missedDoxxing} counts
     * doxxing dev messages in which no personal data was found (false negatives whatever the weights).
     */
    static String crossValidate(List<Example> examples, int missedDoxxing) {
        Map<String, List<Example>> byLang = new TreeMap<>();
        for (Example e : examples) {
            byLang.computeIfAbsent(e.lang(), k -> new ArrayList<>()).add(e);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "# leave-one-language-out on dev (%d languages, %d messages with data, %d doxxing without data found)%n",
                byLang.size(), examples.size(), missedDoxxing));
        out.append("#   l2      threshold    P      R      F1\n");
        for (double l2 : CV_L2) {
            List<double[]> scored = new ArrayList<>(); // {score, label}
            for (String held : byLang.keySet()) {
                List<Example> train = examples.stream().filter(e -> !e.lang().equals(held)).toList();
                double[] w = fit(train, l2);
                for (Example e : byLang.get(held)) {
                    scored.add(new double[]{score(w, e.x()), e.doxxing() ? 1 : 0});
                }
            }
            for (double t : CV_THRESHOLDS) {
                int tp = 0;
                int fp = 0;
                int fn = missedDoxxing;
                for (double[] s : scored) {
                    boolean predicted = s[0] >= t;
                    boolean gold = s[1] == 1;
                    if (predicted && gold) {
                        tp++;
                    } else if (predicted) {
                        fp++;
                    } else if (gold) {
                        fn++;
                    }
                }
                double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
                double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
                double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
                out.append(String.format(Locale.ROOT, "#   %-7.3f %-12.2f %.3f  %.3f  %.3f%n", l2, t, p, r, f1));
            }
        }
        return out.toString();
    }

    static double score(double[] w, double[] x) {
        double z = 0;
        for (int j = 0; j < w.length; j++) {
            z += w[j] * x[j];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    static double[] fit(List<Example> examples, double l2) {
        List<double[]> xs = new ArrayList<>(examples.size());
        List<Double> ys = new ArrayList<>(examples.size());
        for (Example e : examples) {
            xs.add(e.x());
            ys.add(e.doxxing() ? 1.0 : 0.0);
        }
        return fit(xs, ys, l2);
    }

    /** Batch gradient descent on the mean log-loss plus l2/2 · |w|² (bias not penalised). */
    static double[] fit(List<double[]> xs, List<Double> ys, double l2) {
        int d = ScoringWeights.FEATURES.size();
        double[] w = new double[d];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] grad = new double[d];
            for (int n = 0; n < xs.size(); n++) {
                double[] x = xs.get(n);
                double err = score(w, x) - ys.get(n);
                for (int j = 0; j < d; j++) {
                    grad[j] += err * x[j] / xs.size();
                }
            }
            for (int j = 0; j < d; j++) {
                double reg = j == 0 ? 0.0 : l2 * w[j];
                w[j] -= LEARNING_RATE * (grad[j] + reg);
            }
        }
        return w;
    }

    static String yaml(ScoringWeights w) {
        StringBuilder out = new StringBuilder("weights:\n");
        double[] v = w.vector();
        out.append(String.format(Locale.ROOT, "  bias: %.2f%n  entity:%n", v[0]));
        for (int i = 1; i < ScoringWeights.FEATURES.size(); i++) {
            String name = ScoringWeights.FEATURES.get(i);
            if (name.startsWith("entity.")) {
                out.append(String.format(Locale.ROOT, "    %s: %.2f%n", name.substring(7), v[i]));
            } else {
                out.append(String.format(Locale.ROOT, "  %s: %.2f%n", name, v[i]));
                if (name.equals("additionalEntity")) {
                    out.append("  maxAdditional: ").append(w.maxAdditional()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
