package io.vigil.benchmarks.pipeline;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM has used (broker, producers, consumers and every Streams application run in it), so that a
 * phase's throughput can be given per CPU-second: on a machine shared with other work, messages per second follow the
 * load, messages per CPU-second much less.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    /**
     * CPU time the JIT's compiler threads (HotSpot's "C1/C2 CompilerThreadN") have used, in nanoseconds, read from
     * /proc/self/task (Linux; 0 elsewhere): the part of a phase's CPU that is the JVM still compiling the code the phase
     * runs. The compilation MXBean's time is wall time of compilations, which on a busy machine counts waiting for a
     * core too. A compiler thread that the JVM retires takes its time with it, so this can only under-count.
     */
    static long jitNanos() {
        long ticks = 0;
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                try {
                    String comm = java.nio.file.Files.readString(task.resolve("comm")).trim();
                    if (!comm.startsWith("C1 Compiler") && !comm.startsWith("C2 Compiler")) {
                        continue;
                    }
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (java.io.IOException notLinux) {
            return 0;
        }
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** The machine's one-minute load average, as uptime prints it. */
    static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
