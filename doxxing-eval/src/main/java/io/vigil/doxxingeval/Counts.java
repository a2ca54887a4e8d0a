package io.vigil.doxxingeval;

import java.util.Locale;

/** True positives, false positives and false negatives, with the usual ratios (0 when undefined). */
public final class Counts {

    private int tp;
    private int fp;
    private int fn;

    public void add(int truePositives, int falsePositives, int falseNegatives) {
        tp += truePositives;
        fp += falsePositives;
        fn += falseNegatives;
    }

    public void add(Counts other) {
        add(other.tp, other.fp, other.fn);
    }

    public int tp() {
        return tp;
    }

    public int fp() {
        return fp;
    }

    public int fn() {
        return fn;
    }

    public int support() {
        return tp + fn;
    }

    public double precision() {
        return tp + fp == 0 ? (fn == 0 ? 1.0 : 0.0) : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? (fp == 0 ? 1.0 : 0.0) : (double) tp / (tp + fn);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    public String row(String label) {
        return String.format(Locale.ROOT, "%-16s %6.3f %6.3f %6.3f %5d %5d %5d %6d", label, precision(), recall(), f1(),
                tp, fp, fn, support());
    }

    public static String header(String first) {
        return String.format(Locale.ROOT, "%-16s %6s %6s %6s %5s %5s %5s %6s", first, "P", "R", "F1", "TP", "FP", "FN", "gold");
    }
}
