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
 *
 * <p>A number of seconds ending in {@code p} ({@code 2p}) asks for fixed work instead of fixed time: one whole pass
 * over the mix to warm up, then that many whole passes timed. On a shared machine a timed loop gets a share of a core
 * too small to warm the JIT and covers a different slice of the mix in each process; whole passes give two builds
 * (main's detector and a branch's) exactly the same messages, so their CPU time per message compares.
 */
public final class DoxxingThroughputBenchmark {

    private static final int MESSAGES = 20_000;
    private static final long SEED = 20_240_501L;
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private DoxxingThroughputBenchmark() {
    }

    public static void main(String[] args) {
        String amount = args.length > 0 ? args[0] : "3";
        int passes = amount.endsWith("p") ? Integer.parseInt(amount.substring(0, amount.length() - 1)) : 0;
        double seconds = passes > 0 ? 0 : Double.parseDouble(amount);
        double digitShare = args.length > 1 ? Double.parseDouble(args[1]) : 0.12;
        double dataShare = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
        List<String> messages = MessageMix.generate(MESSAGES, digitShare, dataShare, SEED);
        DoxxingDetector detector = DoxxingDetector.create(
                DoxxingConfig.defaults("benchmark-secret-not-for-production".getBytes(StandardCharsets.UTF_8)));
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        long noDigits = messages.stream().filter(m -> !DIGIT.matcher(m).find()).count();

        System.out.printf(Locale.ROOT, "mix: %d messages, %.0f%% without digits, %.0f%% with personal data; %s per measurement%n",
                messages.size(), 100.0 * noDigits / messages.size(), 100.0 * dataShare,
                passes > 0 ? "1 warm-up pass + " + passes + " timed passes" : seconds + " s");
        double regex = measure("baseline: regex digit scan", messages, seconds, passes, m -> DIGIT.matcher(m).find() ? 1 : 0);
        double lib = measure("baseline: libphonenumber findNumbers", messages, seconds, passes, m -> {
            int n = 0;
            for (PhoneNumberMatch ignored : phones.findNumbers(m, "ES")) {
                n++;
            }
            return n;
        });
        double full = measure("doxxing detector scan (all recognisers + score)", messages, seconds, passes, m -> {
            TextScan s = detector.scan(m, Optional.of("ES"), false);
            return s.entities().size() + (s.doxxing() ? 1 : 0);
        });
        double noHint = measure("doxxing detector scan, no country hint", messages, seconds, passes, m -> {
            TextScan s = detector.scan(m, Optional.empty(), false);
            return s.entities().size();
        });
        System.out.printf(Locale.ROOT, "ratios: detector / regex = %.4f, detector / libphonenumber = %.2f, "
                + "no-hint / hint = %.2f%n", full / regex, full / lib, noHint / full);
        System.out.printf(Locale.ROOT, "goal >= 20000 msg/s/core: %s (%.0f msg/s)%n", full >= 20_000 ? "MET" : "NOT MET", full);
    }

    /**
     * Runs warm-up then a timed loop over the messages (for {@code seconds}, or {@code passes} whole passes when
     * positive); prints and returns messages per CPU-second.
     */
    private static double measure(String name, List<String> messages, double seconds, int passes,
                                  ToIntFunction<String> op) {
        long sink = 0;
        int i = 0;
        if (passes > 0) {
            for (String m : messages) {
                sink += op.applyAsInt(m);
            }
        } else {
            long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
            while (System.nanoTime() < warmEnd) {
                sink += op.applyAsInt(messages.get(i++ % messages.size()));
            }
        }
        long count = 0;
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        long now;
        if (passes > 0) {
            for (int p = 0; p < passes; p++) {
                for (String m : messages) {
                    sink += op.applyAsInt(m);
                }
            }
            count = (long) passes * messages.size();
            now = System.nanoTime();
        } else {
            do {
                for (int k = 0; k < 256; k++) {
                    sink += op.applyAsInt(messages.get(i++ % messages.size()));
                }
                count += 256;
                now = System.nanoTime();
            } while (now < end);
        }
        // On a shared machine the thread is not on a core all the time: messages per CPU-second of this thread is
        // the per-core figure; wall-clock throughput is printed beside it.
        double perCpuSecond = count / ((CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9);
        double perSecond = count / ((now - start) / 1e9);
        System.out.printf(Locale.ROOT, "%-50s %12.0f msg/s/core (%.2f µs CPU/msg; wall clock %.0f msg/s, checksum %d)%n",
                name, perCpuSecond, 1e6 / perCpuSecond, perSecond, sink % 1000);
        return perCpuSecond;
    }
}
