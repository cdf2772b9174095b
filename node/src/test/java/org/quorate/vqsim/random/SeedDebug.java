package org.quorate.vqsim.random;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.quorate.vqsim.engine.SimCluster;
import org.slf4j.LoggerFactory;

class SeedDebug {
    @org.junit.jupiter.api.Test
    void print() {
        ((Logger) LoggerFactory.getLogger("org.quorate")).setLevel(Level.ERROR);
        long seed = Long.getLong("seed", 1);
        SeedResult r = RandomRun.run(seed, Integer.getInteger("steps", 200), SimCluster::new);
        System.out.println(ConfText.render(r.schedule().cmap()));
        String[] lines = r.schedule().script("x.conf").split("\n");
        int step = 0;
        for (String l : lines) {
            if (l.startsWith("# step ")) {
                step = Integer.parseInt(l.substring(7));
            }
            if (step > r.failedStep()) {
                break;
            }
            if (!l.equals("check")) {
                System.out.println(l);
            }
        }
        System.out.println("FAILED at step " + r.failedStep() + ": " + String.join("\n  ", r.violations()));
    }
}
