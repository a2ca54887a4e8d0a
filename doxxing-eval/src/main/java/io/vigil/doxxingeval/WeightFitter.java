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

/**
 * Fits the exposure weights by L2-regularised logistic regression on the DEV split only, and prints them as the
 * {@code weights:} block of {@code doxxing/detector.yaml}. Messages without personal data are left out: the
 * detector never flags them. The test split and any held-out corpus stay unseen.
 *
 * <pre>WeightFitter [corpus path, default corpora/doxxing] [--l2 0.02]</pre>
 */
public final class WeightFitter {

    private static final int ITERATIONS = 4000;
    private static final double LEARNING_RATE = 0.5;

    private WeightFitter() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of("corpora/doxxing");
        double l2 = 0.02;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--l2")) {
                l2 = Double.parseDouble(args[++i]);
            } else {
                corpus = Path.of(args[i]);
            }
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        DoxxingConfig config = DoxxingConfig.defaults(secret);
        DoxxingDetector detector = DoxxingDetector.create(config);
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (LabelledMessage m : new CorpusLoader().load(corpus)) {
            if (!m.split().equals("dev")) {
                continue;
            }
            double[] x = detector.features(m.text(), m.countryHint(), m.afterImage(), detector.priorCues(m.previous()));
            if (x != null) {
                xs.add(x);
                ys.add(m.doxxing() ? 1.0 : 0.0);
            }
        }
        double[] w = fit(xs, ys, l2);
        ScoringWeights fitted = ScoringWeights.fromVector(w, config.weights().maxAdditional());
        System.out.println("# fitted on " + xs.size() + " dev messages with personal data, l2=" + l2);
        System.out.print(yaml(fitted));
    }

    /** Batch gradient descent on the mean log-loss plus l2/2 · |w|² (bias not penalised). */
    static double[] fit(List<double[]> xs, List<Double> ys, double l2) {
        int d = ScoringWeights.FEATURES.size();
        double[] w = new double[d];
        for (int it = 0; it < ITERATIONS; it++) {
            double[] grad = new double[d];
            for (int n = 0; n < xs.size(); n++) {
                double[] x = xs.get(n);
                double z = 0;
                for (int j = 0; j < d; j++) {
                    z += w[j] * x[j];
                }
                double p = 1.0 / (1.0 + Math.exp(-z));
                double err = p - ys.get(n);
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
