package io.vigil.benchmarks.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * One pipeline's throughput over the alternating rounds of a run: each round's messages per second and per CPU-second
 * of the whole JVM, and their medians, which a single slow round (a neighbour's build, a garbage collection) moves
 * less than a mean.
 */
final class RoundFigures {

    private final List<Double> rates = new ArrayList<>();
    private final List<Double> perCpuSecond = new ArrayList<>();

    void add(Throughput round) {
        rates.add(round.perSecond());
        perCpuSecond.add(round.perCpuSecond());
    }

    List<Double> rates() {
        return List.copyOf(rates);
    }

    double median() {
        return median(rates);
    }

    double perCpuSecondMedian() {
        return median(perCpuSecond);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** A throughput phase's result: messages per second from the first send to the last output, and per CPU-second. */
    record Throughput(double perSecond, double perCpuSecond) {
    }
}
