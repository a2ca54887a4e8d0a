package io.vigil.benchmarks.doxxing;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.vigil.detector.doxxing.DoxxingConfig;
import io.vigil.detector.doxxing.DoxxingDetector;
import io.vigil.detector.doxxing.TextScan;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * Messages per second per core of the doxxing detector on a realistic mix (most messages without digits), next to
 * two baselines measured in the same run on the same messages: a plain regex scan for a digit, and libphonenumber's
 * findNumbers alone. Single-threaded, so the figure is per core.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.doxxing.DoxxingThroughputBenchmark [seconds] [digitShare] [dataShare]</pre>
 */
public final class DoxxingThroughputBenchmark {

    private static final int MESSAGES = 20_000;
    private static final long SEED = 20_240_501L;
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private DoxxingThroughputBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        double digitShare = args.length > 1 ? Double.parseDouble(args[1]) : 0.12;
        double dataShare = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
        List<String> messages = MessageMix.generate(MESSAGES, digitShare, dataShare, SEED);
        DoxxingDetector detector = DoxxingDetector.create(
                DoxxingConfig.defaults("benchmark-secret-not-for-production".getBytes(StandardCharsets.UTF_8)));
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        long noDigits = messages.stream().filter(m -> !DIGIT.matcher(m).find()).count();

        System.out.printf(Locale.ROOT, "mix: %d messages, %.0f%% without digits, %.0f%% with personal data; %.1f s per measurement%n",
                messages.size(), 100.0 * noDigits / messages.size(), 100.0 * dataShare, seconds);
        double regex = measure("baseline: regex digit scan", messages, seconds, m -> DIGIT.matcher(m).find() ? 1 : 0);
        double lib = measure("baseline: libphonenumber findNumbers", messages, seconds, m -> {
            int n = 0;
            for (PhoneNumberMatch ignored : phones.findNumbers(m, "ES")) {
                n++;
            }
            return n;
        });
        double full = measure("doxxing detector scan (all recognisers + score)", messages, seconds, m -> {
            TextScan s = detector.scan(m, Optional.of("ES"), false);
            return s.entities().size() + (s.doxxing() ? 1 : 0);
        });
        double noHint = measure("doxxing detector scan, no country hint", messages, seconds, m -> {
            TextScan s = detector.scan(m, Optional.empty(), false);
            return s.entities().size();
        });
        System.out.printf(Locale.ROOT, "ratios: detector / regex = %.4f, detector / libphonenumber = %.2f, "
                + "no-hint / hint = %.2f%n", full / regex, full / lib, noHint / full);
        System.out.printf(Locale.ROOT, "goal >= 20000 msg/s/core: %s (%.0f msg/s)%n", full >= 20_000 ? "MET" : "NOT MET", full);
    }

    /** Runs warm-up then a timed loop over the messages; prints and returns messages per second. */
    private static double measure(String name, List<String> messages, double seconds, ToIntFunction<String> op) {
        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            sink += op.applyAsInt(messages.get(i++ % messages.size()));
        }
        long count = 0;
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        do {
            for (int k = 0; k < 256; k++) {
                sink += op.applyAsInt(messages.get(i++ % messages.size()));
            }
            count += 256;
            now = System.nanoTime();
        } while (now < end);
        // On a shared machine the thread is not on a core all the time: messages per CPU-second of this thread is
        // the per-core figure; wall-clock throughput is printed beside it.
        double perCpuSecond = count / ((CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        double perSecond = count / ((now - start) / 1e9);
        System.out.printf(Locale.ROOT, "%-50s %12.0f msg/s/core (%.2f µs CPU/msg; wall clock %.0f msg/s, checksum %d)%n",
                name, perCpuSecond, 1e6 / perCpuSecond, perSecond, sink % 1000);
        return perCpuSecond;
    }
}
