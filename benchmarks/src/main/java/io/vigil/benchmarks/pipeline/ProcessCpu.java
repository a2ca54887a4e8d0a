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

    /** The machine's one-minute load average, as uptime prints it. */
    static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
