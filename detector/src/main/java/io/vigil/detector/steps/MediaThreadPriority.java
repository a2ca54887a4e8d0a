package io.vigil.detector.steps;

import io.vigil.detector.scheduling.ThreadNice;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The media stage's threads yield the CPU to everything else in the process and on the host: its first step sets the
 * stream thread's nice ({@code media.thread-nice}, 10 by default) when a task starts on it, and the OCR threads it
 * starts inherit that. On a busy machine the text stage, the other services and the broker then get the cores first
 * and images take what is left, so that images do not hold text behind them for CPU either (docs/operations.md, "The
 * media stage's CPU priority"). Work is not reordered or dropped: only the scheduler's shares change, so
 * exactly-once is untouched.
 */
public final class MediaThreadPriority {

    private static final Logger LOG = LoggerFactory.getLogger(MediaThreadPriority.class);

    private final int nice;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param nice 0 (leave the threads as they are) to {@value ThreadNice#WEAKEST} */
    public MediaThreadPriority(int nice) {
        if (nice < 0 || nice > ThreadNice.WEAKEST) {
            throw new IllegalArgumentException("media thread nice must be 0-" + ThreadNice.WEAKEST + ", got " + nice);
        }
        this.nice = nice;
    }

    /** Threads keep the priority they have (tests that drive the topology on their own thread). */
    public static MediaThreadPriority unchanged() {
        return new MediaThreadPriority(0);
    }

    public int nice() {
        return nice;
    }

    /** Sets the calling thread's nice; says once if the system does not allow it. */
    public void applyToCurrentThread() {
        if (nice == 0) {
            return;
        }
        if (!ThreadNice.atLeast(nice) && warned.compareAndSet(false, true)) {
            LOG.warn("media.thread-nice={} could not be applied on this system; the media stage runs at normal CPU priority", nice);
        }
    }

    /** The step: applies the priority on the stream thread that runs the task, then passes each record on unchanged. */
    public <V> FixedKeyProcessor<String, V, V> processor() {
        return new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<String, V> context;

            @Override
            public void init(FixedKeyProcessorContext<String, V> context) {
                this.context = context;
                applyToCurrentThread();
            }

            @Override
            public void process(FixedKeyRecord<String, V> record) {
                context.forward(record);
            }
        };
    }
}
