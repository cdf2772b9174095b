package org.quorate.vqsim.run;

import java.util.List;
import org.quorate.vqsim.NodeSnapshot;
import org.quorate.vqsim.script.Command;

/** Where a run's output goes: vqsim-style text, JSON lines, or nothing (random runs). */
public interface StepSink {
    /** After the start (step 0) and after every command; {@code command} is null at step 0. */
    void step(int step, Command command, List<NodeSnapshot> nodes, boolean syncCommand);

    /** The {@code show} command. */
    void show(List<NodeSnapshot> nodes, boolean autofence);

    /** A line vqsim itself would print on its output ("#autofence: on", "0:3: Quit (autofenced)", help). */
    void info(String line);

    /** A sink that prints nothing. */
    StepSink NONE = new StepSink() {
        @Override
        public void step(int step, Command command, List<NodeSnapshot> nodes, boolean syncCommand) {}

        @Override
        public void show(List<NodeSnapshot> nodes, boolean autofence) {}

        @Override
        public void info(String line) {}
    };
}
