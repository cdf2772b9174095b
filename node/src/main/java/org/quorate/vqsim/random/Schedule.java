package org.quorate.vqsim.random;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One seeded random schedule: the starting configuration, the configuration variants that its
 * {@code reload} steps name, and the steps, each one or more vqsim command lines.
 *
 * @param adminSteps for each step, whether it is an administrator's change that may legitimately
 *     allow two quorate partitions (expected, votes, a reload that removes nodes)
 */
public record Schedule(long seed, Map<String, String> cmap, Map<Path, Map<String, String>> variants,
        List<List<String>> steps, List<Boolean> adminSteps, boolean twoNode) {

    /** The schedule as a vqsim script: one {@code check} after every step, so that S2 replays too. */
    public String script(String confName) {
        StringBuilder b = new StringBuilder();
        b.append("# quorate-vqsim --random --seed ").append(seed).append(" --steps ").append(steps.size() - 1).append('\n');
        b.append("# replay: quorate-vqsim -c ").append(confName).append(" <this file>\n");
        b.append("check\n");
        for (int i = 0; i < steps.size(); i++) {
            b.append("# step ").append(i + 1).append('\n');
            steps.get(i).forEach(l -> b.append(l).append('\n'));
            b.append("check\n");
        }
        return b.toString();
    }
}
