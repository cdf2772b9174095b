package org.quorate.deploy;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quorate.deploy.peer.OutputNormaliser;
import org.quorate.deploy.peer.PcsFlow;
import org.quorate.deploy.peer.Stack;
import org.quorate.deploy.peer.StepResult;
import org.quorate.deploy.peer.StepResult.Compare;
import org.quorate.deploy.peer.StepTable;
import org.quorate.testsupport.docker.DockerLab;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debian bookworm's real pcs 0.11.5 drives the arbiter pair on fresh systemd hosts, once with the C
 * packages (corosync-qnetd/-qdevice 3.0.3 from the image's /opt/c-debs) and once with Quorate's .debs, both
 * stacks at the same time on their own networks. Every step must exit as with the C packages, and give the
 * same output once addresses, times, ports and ring ids are normalised; the device vote must be there and a
 * split must leave exactly node 1 quorate (ffsplit, tie-breaker lowest) with both stacks.
 */
@Tag("docker")
@Tag("slow")
class PcsFlowIT {

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void pcsGivesTheSameResultsWithQuorateAsWithTheCPackages() {
        DockerLab.requireEngine();
        long t0 = System.nanoTime();
        CompletableFuture<Outcome> c = CompletableFuture.supplyAsync(() -> Outcome.of(Stack.C));
        CompletableFuture<Outcome> q = CompletableFuture.supplyAsync(() -> Outcome.of(Stack.QUORATE));
        Outcome cOut = c.join();
        Outcome qOut = q.join();
        System.out.printf("PcsFlowIT: both stacks in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        System.out.println(StepTable.render(cOut.steps, qOut.steps,
                (cs, qs) -> cOut.normalised(cs).equals(qOut.normalised(qs))));
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(qOut.steps.size()).as("steps run").isEqualTo(cOut.steps.size());
        for (int i = 0; i < Math.min(cOut.steps.size(), qOut.steps.size()); i++) {
            StepResult cs = cOut.steps.get(i);
            StepResult qs = qOut.steps.get(i);
            soft.assertThat(qs.exitCode()).as("step '%s' exit code (C: %d)\nC output:\n%s\nQuorate output:\n%s",
                    cs.step(), cs.exitCode(), cs.output(), qs.output()).isEqualTo(cs.exitCode());
            if (cs.compare() != Compare.EXIT_CODE_ONLY) {
                soft.assertThat(qOut.normalised(qs)).as("step '%s' output, normalised", cs.step())
                        .isEqualTo(cOut.normalised(cs));
            }
        }
        for (Outcome o : List.of(cOut, qOut)) {
            soft.assertThat(o.exitOf("device vote on n1 and n2")).as("%s: Qdevice vote on both nodes", o.stack).isZero();
            soft.assertThat(o.exitOf("split: n1 quorate, n2 not")).as("%s: split left exactly n1 quorate", o.stack)
                    .isZero();
            soft.assertThat(o.exitOf("heal: both quorate with the device vote")).as("%s: heal", o.stack).isZero();
        }
        if (!soft.errorsCollected().isEmpty()) {
            System.out.println("===== C step outputs =====\n" + StepTable.outputs(cOut.steps));
            System.out.println("===== Quorate step outputs =====\n" + StepTable.outputs(qOut.steps));
            System.out.println("===== C journals =====\n" + cOut.journals);
            System.out.println("===== Quorate journals =====\n" + qOut.journals);
        }
        soft.assertAll();
    }

    /** One stack's run: its steps, its normaliser and (always taken, printed on failure) its journals. */
    private record Outcome(Stack stack, List<StepResult> steps, OutputNormaliser normaliser, String journals) {
        static Outcome of(Stack stack) {
            long t0 = System.nanoTime();
            try (PcsFlow flow = PcsFlow.prepare(stack)) {
                System.out.printf("[%s] hosts booted and packages installed in %.1f s%n", stack,
                        (System.nanoTime() - t0) / 1e9);
                List<StepResult> steps = flow.run();
                System.out.printf("[%s] flow done in %.1f s%n", stack, (System.nanoTime() - t0) / 1e9);
                return new Outcome(stack, steps, new OutputNormaliser(flow.addresses()), flow.journals());
            }
        }

        String normalised(StepResult s) {
            return s.compare() == Compare.UNORDERED ? normaliser.normaliseUnordered(s.output())
                    : normaliser.normalise(s.output());
        }

        int exitOf(String step) {
            return steps.stream().filter(s -> s.step().equals(step)).findFirst().map(StepResult::exitCode).orElse(-1);
        }
    }
}
