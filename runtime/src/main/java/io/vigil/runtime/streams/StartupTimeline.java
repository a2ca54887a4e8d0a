package io.vigil.runtime.streams;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

/**
 * The phases of a service's start, each logged with its own duration and the JVM's age at its end, so that the seconds
 * a restarted instance takes to resume output can be read off its own log rather than guessed (docs/operations.md,
 * "Recovery in seconds"): the JVM's start and class loading, the topic checks, building the topologies, the extras
 * (HTTP, models), and then, from the stream threads, state restoration and the first RUNNING.
 */
final class StartupTimeline {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTimeline.class);

    private final String service;
    private final long jvmStartedAt;
    private long phaseStartedAt;

    StartupTimeline(String service) {
        this.service = service;
        this.jvmStartedAt = ManagementFactory.getRuntimeMXBean().getStartTime();
        this.phaseStartedAt = System.currentTimeMillis();
        // Everything before this line: JVM start, class loading, command-line parsing and the configuration's checks.
        LOG.info("{} start-up: runner entered {} ms after the JVM started (JVM start, class loading, configuration)",
                service, phaseStartedAt - jvmStartedAt);
    }

    /** Logs the phase that ends now and starts the next one. */
    void phaseDone(String phase) {
        long now = System.currentTimeMillis();
        LOG.info("{} start-up: {} took {} ms (JVM up {} ms)", service, phase, now - phaseStartedAt, now - jvmStartedAt);
        phaseStartedAt = now;
    }

    /** The JVM's age now: stream threads log their milestones (restores, RUNNING) against it. */
    long jvmUpMillis() {
        return System.currentTimeMillis() - jvmStartedAt;
    }
}
