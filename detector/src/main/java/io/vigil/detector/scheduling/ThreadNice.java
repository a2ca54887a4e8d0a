package io.vigil.detector.scheduling;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The Linux nice value of the calling thread. Linux keeps nice per thread, not per process (setpriority(2), NOTES:
 * "under the current Linux/NPTL implementation of POSIX threads, the nice value is a per-thread attribute"), so
 * {@code setpriority(PRIO_PROCESS, 0, n)} from a thread changes that thread alone, and threads it starts later
 * inherit it. Raising one's own nice needs no privilege. Elsewhere (no {@code /proc/thread-self}, no libc) nothing is
 * changed and the callers say so.
 */
public final class ThreadNice {

    /** {@code PRIO_PROCESS} from sys/resource.h; with who = 0, the calling task (thread) on Linux. */
    private static final int PRIO_PROCESS = 0;
    /** The weakest claim on the CPU a thread can take (sched(7): nice ranges from -20 to 19). */
    public static final int WEAKEST = 19;
    /** proc(5), /proc/[pid]/stat: field 19 is the nice value; fields are counted from 1 and the 3rd follows "(comm) ". */
    private static final int NICE_AFTER_COMM = 19 - 3;

    private interface C extends Library {
        int setpriority(int which, int who, int prio);
    }

    private ThreadNice() {
    }

    /**
     * Sets the calling thread's nice to {@code nice} (never lowers it below its current value: a thread already
     * weaker stays so).
     *
     * @return whether the thread now runs at that nice or weaker
     */
    public static boolean atLeast(int nice) {
        if (nice < 0 || nice > WEAKEST) {
            throw new IllegalArgumentException("nice must be 0-" + WEAKEST + ", got " + nice);
        }
        OptionalInt current = ofCurrentThread();
        if (current.isEmpty()) {
            return false;
        }
        if (current.getAsInt() >= nice) {
            return true;
        }
        try {
            C c = Native.load("c", C.class);
            return c.setpriority(PRIO_PROCESS, 0, nice) == 0 && ofCurrentThread().orElse(Integer.MIN_VALUE) >= nice;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The calling thread's nice, where the system shows it ({@code /proc/thread-self/stat}). */
    public static OptionalInt ofCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"), StandardCharsets.US_ASCII);
            // The command name may hold spaces and parentheses: the fields start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return OptionalInt.of(Integer.parseInt(fields[NICE_AFTER_COMM]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
