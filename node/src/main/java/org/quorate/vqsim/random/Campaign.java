package org.quorate.vqsim.random;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Many seeds, spread over threads: seeds {@code first .. first+count-1}, each run on its own. */
public final class Campaign {
    /** What a campaign found. */
    public record Summary(long seeds, long steps, long failedSeeds, SeedResult.S1Excused s1Excused, List<SeedResult> failures,
            long wallMillis) {
        public double seedsPerHour() {
            return wallMillis == 0 ? 0 : seeds * 3_600_000.0 / wallMillis;
        }
    }

    private Campaign() {}

    public static Summary run(long first, long count, int steps, int threads, EngineFactory factory, int keepFailures) {
        long t0 = System.nanoTime(); // wall time of the campaign itself, not of the simulation
        AtomicLong next = new AtomicLong(first);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> parts = new ArrayList<>();
        List<SeedResult> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                long[] acc = new long[8];
                long seed;
                while ((seed = next.getAndIncrement()) < first + count) {
                    SeedResult r = RandomRun.run(seed, steps, factory);
                    acc[0]++;
                    acc[1] += r.steps();
                    acc[3] += r.s1Excused().twoNode();
                    acc[4] += r.s1Excused().admin();
                    acc[5] += r.s1Excused().lastManStanding();
                    acc[6] += r.s1Excused().s4AfterAdmin();
                    acc[7] += r.s1Excused().autoTieBreaker();
                    if (!r.passed()) {
                        acc[2]++;
                        synchronized (failures) {
                            if (failures.size() < keepFailures) {
                                failures.add(r);
                            }
                        }
                    }
                }
                return acc;
            }));
        }
        long[] total = new long[8];
        try {
            for (Future<long[]> f : parts) {
                long[] a = f.get();
                for (int i = 0; i < 8; i++) {
                    total[i] += a[i];
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("campaign interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("campaign failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<SeedResult> sorted = new ArrayList<>(failures);
        sorted.sort(java.util.Comparator.comparingLong(SeedResult::seed));
        return new Summary(total[0], total[1], total[2],
                new SeedResult.S1Excused((int) total[3], (int) total[4], (int) total[5], (int) total[7], (int) total[6]), sorted, (System.nanoTime() - t0) / 1_000_000);
    }
}
