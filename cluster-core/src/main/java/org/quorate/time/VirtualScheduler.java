package org.quorate.time;


import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic {@link Scheduler}, for tests and for the simulators that ship (quorate-vqsim): time stands still until the test calls {@link #advance}, and
 * tasks due at the same instant run in the order they were scheduled.
 */
public final class VirtualScheduler implements Scheduler {
    private static final long EPOCH_MILLIS = 1_795_000_000_000L; // a fixed wall-clock origin for status output

    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        Task t = new Task(nowNanos + Math.max(0, unit.toNanos(delay)), sequence++, task);
        queue.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public void execute(Runnable task) {
        schedule(task, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public long nanoTime() {
        return nowNanos;
    }

    @Override
    public long currentTimeMillis() {
        return EPOCH_MILLIS + TimeUnit.NANOSECONDS.toMillis(nowNanos);
    }

    /** Moves time forward by {@code amount}, running every task that falls due on the way. */
    public void advance(long amount, TimeUnit unit) {
        long target = nowNanos + unit.toNanos(amount);
        while (true) {
            Task next = queue.peek();
            if (next == null || next.dueNanos > target) {
                break;
            }
            queue.poll();
            nowNanos = Math.max(nowNanos, next.dueNanos);
            if (!next.cancelled) {
                next.task.run();
            }
        }
        nowNanos = target;
    }

    /** Runs the tasks that are due now, without moving time. */
    public void runDue() {
        advance(0, TimeUnit.NANOSECONDS);
    }

    /** How many tasks are waiting (cancelled ones included until their time comes). */
    public int pendingTasks() {
        return (int) queue.stream().filter(t -> !t.cancelled).count();
    }

    private static final class Task implements Comparable<Task> {
        final long dueNanos;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Task(long dueNanos, long seq, Runnable task) {
            this.dueNanos = dueNanos;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(dueNanos, o.dueNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
