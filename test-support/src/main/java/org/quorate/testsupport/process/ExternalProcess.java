package org.quorate.testsupport.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real C program to completion and captures its output. */
public final class ExternalProcess {
    private ExternalProcess() {
    }

    /**
     * Runs {@code binary} with argv[0] set to its base name, as a shell user typing the command
     * would (getopt's messages print argv[0]).
     */
    public static ToolRun run(String binary, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String name = binary.substring(binary.lastIndexOf('/') + 1);
        command.addAll(List.of("/bin/bash", "-c", "exec -a " + name + " " + binary + " \"$@\"", name));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(binary + " did not finish");
        }
        return new ToolRun(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
