package io.vigil.ingest.replay;

/**
 * How fast a replay goes: as fast as the cluster takes it, or at N times the pace the events happened (the gap between
 * two messages, divided by N). Time is measured from the first event, so a slow write is caught up rather than
 * added to every gap after it.
 */
public final class Pacer {

    private final double speed;
    private long firstEventAt = Long.MIN_VALUE;
    private long startedNanos;

    private Pacer(double speed) {
        this.speed = speed;
    }

    public static Pacer asFastAsPossible() {
        return new Pacer(0);
    }

    /** @param speed how many times faster than the events happened; must be positive */
    public static Pacer atSpeed(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number (got " + speed + ")");
        }
        return new Pacer(speed);
    }

    /** How long to wait before an event of this time, in nanoseconds, given the clock now. */
    long waitNanos(long eventAtMillis, long nowNanos) {
        if (speed == 0) {
            return 0;
        }
        if (firstEventAt == Long.MIN_VALUE) {
            firstEventAt = eventAtMillis;
            startedNanos = nowNanos;
            return 0;
        }
        double dueNanos = (eventAtMillis - firstEventAt) * 1_000_000.0 / speed;
        return Math.max(0, startedNanos + (long) dueNanos - nowNanos);
    }

    /** Waits until the event is due. */
    public void await(long eventAtMillis) throws InterruptedException {
        long wait = waitNanos(eventAtMillis, System.nanoTime());
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    @Override
    public String toString() {
        return speed == 0 ? "as fast as possible" : speed + "x the original pace";
    }
}
