package org.quorate.deploy.flows;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * Runs one flow on the C packages and on Quorate's, each in its own lab (at the same time unless
 * {@code -Dquorate.flows.sequential=true}), and prints the step table and both transcripts. On a failed step
 * the tails of every host's journal are printed too. The labs are gone when this returns.
 */
final class FlowComparison {
    final Map<Stack, FlowRun> runs = new EnumMap<>(Stack.class);
    final Map<Stack, Throwable> aborted = new EnumMap<>(Stack.class);

    /** {@code masked}: units no host of the flow starts (see {@link FlowLab}). */
    static FlowComparison run(String title, List<String> hosts, Set<String> netAdmin, Set<String> masked,
                              BiConsumer<FlowLab, FlowRun> flow) {
        FlowComparison fc = new FlowComparison();
        boolean sequential = Boolean.getBoolean("quorate.flows.sequential");
        List<Stack> stacks = stacks();
        long t0 = System.nanoTime();
        if (sequential) {
            for (Stack s : stacks) {
                fc.runOne(s, hosts, netAdmin, masked, flow);
            }
        } else {
            CompletableFuture.allOf(stacks.stream()
                    .map(s -> CompletableFuture.runAsync(() -> fc.runOne(s, hosts, netAdmin, masked, flow)))
                    .toArray(CompletableFuture[]::new)).join();
        }
        FlowRun c = fc.runs.getOrDefault(Stack.C, new FlowRun(Stack.C));
        FlowRun q = fc.runs.getOrDefault(Stack.QUORATE, new FlowRun(Stack.QUORATE));
        System.out.printf("%n===== %s: C vs Quorate (%s, %.1f s wall) =====%n%s%n", title,
                sequential ? "one after the other" : "in parallel", (System.nanoTime() - t0) / 1e9,
                StepTable.render(c, q));
        for (Stack s : stacks) {
            System.out.printf("----- %s transcript (%s, %.1f s) -----%n%s%n", title, s.label,
                    fc.runs.get(s).seconds(), fc.runs.get(s).transcript());
        }
        return fc;
    }

    /**
     * Both stacks, unless {@code -Dquorate.flows.stacks=C} (or QUORATE) narrows it while a flow is being
     * debugged; the tests then fail on the missing run, so a narrowed run never passes.
     */
    private static List<Stack> stacks() {
        String only = System.getProperty("quorate.flows.stacks", "").strip();
        return only.isEmpty() ? List.of(Stack.values()) : List.of(Stack.valueOf(only.toUpperCase()));
    }

    private void runOne(Stack stack, List<String> hosts, Set<String> netAdmin, Set<String> masked,
                        BiConsumer<FlowLab, FlowRun> flow) {
        FlowRun run = new FlowRun(stack);
        synchronized (this) {
            runs.put(stack, run);
        }
        try (FlowLab lab = new FlowLab(hosts, netAdmin, masked)) {
            // a step of its own, so the table shows the boot's time apart from the first command's
            run.check("hosts booted", String.join(",", hosts), true, String.join(" ", hosts));
            try {
                flow.accept(lab, run);
            } catch (RuntimeException | AssertionError e) {
                synchronized (this) {
                    aborted.put(stack, e);
                }
                System.out.println("===== " + stack.label + " run aborted: " + e + "\n" + lab.journals(40));
                return;
            }
            if (!run.unexpected().isEmpty()) {
                System.out.println("===== " + stack.label + " run: unexpected steps " + run.unexpected() + "\n"
                        + lab.journals(40));
            }
        }
    }

    List<String> differences() {
        return StepTable.differences(runs.get(Stack.C), runs.get(Stack.QUORATE));
    }
}
