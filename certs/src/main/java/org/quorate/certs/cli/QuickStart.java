package org.quorate.certs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quorate.certs.CertLayout;

/**
 * {@code corosync-qdevice-net-certutil -Q}: the C script's remote command sequence, run with a remote shell
 * ({@code ssh}) and copy command ({@code scp}). Remote steps call the commands by name
 * ({@code corosync-qnetd-certutil}, {@code corosync-qdevice-net-certutil}), so every host uses whichever
 * implementation it has installed. Files move host to host through a local temporary file, as in the script.
 *
 * <p>Unlike the script, the sequence stops at the first failing step (except qnetd's {@code -i}, which fails
 * harmlessly when qnetd is already initialized) instead of running on with missing files.
 */
final class QuickStart {
    static final String DEFAULT_SHELL = "ssh";
    static final String DEFAULT_COPY = "scp";

    /** Runs one local command with inherited stdin/stderr; returns its exit code. */
    interface Runner {
        int run(List<String> command, boolean discardOutput) throws IOException, InterruptedException;
    }

    private final Console console;
    private final Runner runner;
    private final List<String> shell;
    private final List<String> copy;

    QuickStart(Console console, Runner runner, List<String> shell, List<String> copy) {
        this.console = console;
        this.runner = runner;
        this.shell = shell;
        this.copy = copy;
    }

    static Runner processRunner(Console console) {
        return (command, discardOutput) -> {
            console.out().flush();
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(discardOutput ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.INHERIT);
            return builder.start().waitFor();
        };
    }

    /** {@code -S "ssh -p 2222"} gives a command with arguments; words are split on blanks. */
    static List<String> words(String command) {
        return Arrays.stream(command.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    int run(String cluster, String qnetd, String master, List<String> others) {
        CertLayout layout = console.layout();
        String nodeDir = layout.nodeDir().toString();
        String qnetdDir = layout.qnetdDir().toString();
        String nodeTool = QdeviceNetCertutil.COMMAND;
        String qnetdTool = QnetdCertutil.COMMAND;
        String caTemporary = "/tmp/" + CertLayout.CA_EXPORT;
        String requestTemporary = "/tmp/" + CertLayout.NODE_REQUEST;
        String clusterCertificate = "cluster-" + cluster + ".crt";
        List<String> nodes = new ArrayList<>();
        nodes.add(master);
        nodes.addAll(others);
        try {
            for (String node : nodes) {
                if (remote(node, "[ -d " + quote(nodeDir) + " ]", false) == 0) {
                    return console.fail(ExitCodes.FAILURE,
                            "Node " + node + " seems to be already initialized. Please delete " + nodeDir);
                }
                if (remote(node, nodeTool, true) != 0) {
                    return console.fail(ExitCodes.FAILURE, "Node " + node + " doesn't have " + nodeTool + " installed");
                }
            }
            // It is no problem if the server is already initialized: -i then refuses and we go on.
            remote(qnetd, qnetdTool + " -i", false);
            for (String node : nodes) {
                step(copyBetween(qnetd, qnetdDir + "/" + CertLayout.CA_EXPORT, node, caTemporary));
                step(remote(node, nodeTool + " -i -c " + quote(caTemporary) + " && rm " + quote(caTemporary), false),
                        node, "-i");
            }
            step(remote(master, nodeTool + " -r -n " + quote(cluster), false), master, "-r");
            step(copyBetween(master, nodeDir + "/" + CertLayout.NODE_REQUEST, qnetd, requestTemporary));
            step(remote(qnetd, qnetdTool + " -s -c " + quote(requestTemporary) + " -n " + quote(cluster), false),
                    qnetd, "-s");
            step(copyBetween(qnetd, qnetdDir + "/" + clusterCertificate, master, nodeDir + "/" + clusterCertificate));
            step(remote(master, nodeTool + " -M -c " + quote(nodeDir + "/" + clusterCertificate), false), master, "-M");
            for (String node : others) {
                String bundle = nodeDir + "/" + CertLayout.NODE_P12;
                step(copyBetween(master, bundle, node, bundle));
                step(remote(node, nodeTool + " -m -c " + quote(bundle), false), node, "-m");
            }
            return ExitCodes.OK;
        } catch (StepFailed e) {
            return console.fail(ExitCodes.FAILURE, "Quick start stopped: " + e.getMessage());
        } catch (IOException e) {
            return console.fail(ExitCodes.FAILURE, "Quick start stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return console.fail(ExitCodes.FAILURE, "Quick start interrupted");
        }
    }

    private int remote(String host, String command, boolean discardOutput) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(shell);
        line.add("root@" + host);
        line.add(command);
        return runner.run(line, discardOutput);
    }

    /** The script's remote_scp: through a local temporary file, because scp host-to-host needs keys between them. */
    private String copyBetween(String fromHost, String fromPath, String toHost, String toPath)
            throws IOException, InterruptedException {
        Path temporary = Files.createTempFile("quorate-quickstart", ".tmp");
        try {
            String from = "root@" + fromHost + ":" + fromPath;
            String to = "root@" + toHost + ":" + toPath;
            if (copy(from, temporary.toString()) != 0) {
                return "copying " + from + " failed";
            }
            if (copy(temporary.toString(), to) != 0) {
                return "copying to " + to + " failed";
            }
            return null;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private int copy(String from, String to) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(copy);
        line.add(from);
        line.add(to);
        return runner.run(line, false);
    }

    private static void step(String failure) throws StepFailed {
        if (failure != null) {
            throw new StepFailed(failure);
        }
    }

    private static void step(int exitCode, String host, String operation) throws StepFailed {
        if (exitCode != 0) {
            throw new StepFailed("'" + operation + "' on " + host + " exited with " + exitCode);
        }
    }

    /** Single quotes for the remote shell, so names with blanks or quotes arrive intact. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static final class StepFailed extends Exception {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message);
        }
    }
}
