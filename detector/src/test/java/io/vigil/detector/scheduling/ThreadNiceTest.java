package io.vigil.detector.scheduling;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The media stage's lever on the CPU: a thread's own nice, on Linux. */
class ThreadNiceTest {

    @Test
    void aThreadLowersItsOwnPriorityAloneAndTheThreadsItStartsInheritIt() throws Exception {
        assumeTrue(ThreadNice.ofCurrentThread().isPresent(), "no /proc/thread-self: not Linux");
        int before = ThreadNice.ofCurrentThread().getAsInt();
        int wanted = Math.min(ThreadNice.WEAKEST, before + 7);
        AtomicReference<OptionalInt> child = new AtomicReference<>();
        OptionalInt[] seen = new OptionalInt[2];
        Thread lowered = new Thread(() -> {
            seen[0] = ThreadNice.atLeast(wanted) ? ThreadNice.ofCurrentThread() : OptionalInt.empty();
            Thread started = new Thread(() -> child.set(ThreadNice.ofCurrentThread()));
            started.start();
            try {
                started.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // Asking for less than it has does not raise it again.
            ThreadNice.atLeast(Math.max(0, wanted - 5));
            seen[1] = ThreadNice.ofCurrentThread();
        });
        lowered.start();
        lowered.join();

        assertThat(seen[0]).hasValue(wanted);
        assertThat(child.get()).hasValue(wanted);
        assertThat(seen[1]).hasValue(wanted);
        assertThat(ThreadNice.ofCurrentThread()).as("the thread that started it is left as it was").hasValue(before);
    }

    @Test
    void onlyNiceValuesTheSchedulerKnowsAreAccepted() {
        assertThatThrownBy(() -> ThreadNice.atLeast(20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThreadNice.atLeast(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
