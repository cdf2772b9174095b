package org.quorate.testsupport.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Volume;
import org.quorate.testsupport.FailureLogs;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A container of {@link LocalImages#HA} booted with systemd as PID 1, the way an administrator's host runs:
 * pcsd, sshd, journald and the units a package installs all work. No {@code --privileged}: systemd gets
 * tmpfs on /run and /run/lock, {@code container=docker} (from the image) and SIGRTMIN+3 as its stop signal.
 * Its cgroups: on a cgroup v2 engine a private cgroup namespace is enough. On a cgroup v1 (hybrid) engine,
 * as on the project's machines, Docker mounts every hierarchy read-only and systemd 252 then stops with
 * "Failed to create /init.scope control group: Read-only file system"; there the host's
 * {@code name=systemd} hierarchy (process tracking only, no resource controller) is bound read-write, with the
 * host cgroup namespace so that the container's paths in it match /proc/self/cgroup. Docker removes the
 * container's subtree with the container. {@link #start()} returns once {@code systemctl is-system-running} says
 * running or degraded; the exec helpers fail with the command's stdout and stderr; {@link #dumpJournal()}
 * gives the whole journal for a failure message. Every started host registers its journal with
 * {@link FailureLogs} (shown by {@code LogsOnFailure}); {@link #close()} keeps a copy first, since a test's
 * verdict usually comes after its hosts are gone.
 */
public final class SystemdHost implements AutoCloseable {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
    /** The engine runs on this machine (.ci/docker-engine), so its cgroup layout is this machine's. */
    private static final boolean CGROUP_V2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    private static final String V1_SYSTEMD_HIERARCHY = "/sys/fs/cgroup/systemd";
    private static final long SHM_BYTES = 256L << 20;

    private final String alias;
    private final GenericContainer<?> container;
    /** The journal as it was when the host was closed; null while it runs. */
    private volatile String journalAtClose;

    private SystemdHost(String alias, GenericContainer<?> container) {
        this.alias = alias;
        this.container = container;
    }

    /**
     * A host named {@code alias} (hostname and network alias) on {@code network}, not started. With
     * {@code netAdmin} it may change its own iptables rules (partitions).
     */
    @SuppressWarnings("resource") // closed by close()
    public static SystemdHost on(Network network, String alias, boolean netAdmin) {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(LocalImages.require(LocalImages.HA)))
                .withImagePullPolicy(new NeverPullPolicy())
                .withNetwork(network)
                .withNetworkAliases(alias)
                .withTmpFs(Map.of("/run", "rw,exec,mode=755", "/run/lock", "rw,mode=1777"))
                // corosync's IPC rings live in /dev/shm (about 3 MB per connection); pacemaker's daemons,
                // qdevice and a polling corosync-quorumtool exhaust Docker's 64 MB default, and then clients
                // get "Cannot initialise VOTEQUORUM service"
                .withSharedMemorySize(SHM_BYTES)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withHostName(alias);
                    cmd.withStopSignal("SIGRTMIN+3"); // systemd's "halt" (docker import cannot set STOPSIGNAL)
                    if (CGROUP_V2) {
                        cmd.getHostConfig().withCgroupnsMode("private");
                    } else {
                        cmd.getHostConfig().withCgroupnsMode("host").withBinds(new Bind(V1_SYSTEMD_HIERARCHY,
                                new Volume(V1_SYSTEMD_HIERARCHY), AccessMode.rw));
                    }
                    if (netAdmin) {
                        cmd.getHostConfig().withCapAdd(Capability.NET_ADMIN);
                    }
                })
                .withCommand("/sbin/init");
        return new SystemdHost(alias, c);
    }

    public String alias() {
        return alias;
    }

    /**
     * Masks {@code units} for this host's boot (call before {@link #start()}): systemd in a container reads its
     * own arguments as the kernel command line, so {@code systemd.mask=} keeps an image's unit from starting.
     * Flows that never use pcsd skip its start (Ruby and Python, the slowest unit of a boot on 2 cores).
     */
    public SystemdHost withoutUnits(String... units) {
        String[] command = new String[units.length + 1];
        command[0] = "/sbin/init";
        for (int i = 0; i < units.length; i++) {
            command[i + 1] = "systemd.mask=" + units[i];
        }
        container.withCommand(command);
        return this;
    }

    /** Copies a host file into the container (before or after start). */
    public SystemdHost withFile(Path hostFile, String containerPath) {
        if (container.getContainerId() == null) {
            container.withCopyFileToContainer(MountableFile.forHostPath(hostFile), containerPath);
        } else {
            container.copyFileToContainer(MountableFile.forHostPath(hostFile), containerPath);
        }
        return this;
    }

    /** Starts the container and waits until systemd has finished booting (running or degraded). */
    public SystemdHost start() {
        container.start();
        FailureLogs.register("journal of systemd host " + alias + " (" + ipAddress() + ", container "
                + container.getContainerId().substring(0, 12) + ")", this::journalForFailure);
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = tryExec("systemctl", "is-system-running").stdout().trim();
            if (state.equals("running") || state.equals("degraded")) {
                return this;
            }
            sleep(250);
        }
        throw new IllegalStateException("systemd on " + alias + " did not finish booting in " + BOOT_TIMEOUT
                + " (is-system-running: '" + state + "')\n" + tryExec("systemctl", "list-jobs").stdout()
                + "\n" + dumpJournal());
    }

    /** The outcome of a command, whatever its exit code. */
    public Result tryExec(String... command) {
        try {
            ExecResult r = container.execInContainer(command);
            return new Result(String.join(" ", command), r.getExitCode(), r.getStdout(), r.getStderr());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("docker exec on " + alias + " failed: " + String.join(" ", command), e);
        }
    }

    /** {@code sh -c script}, whatever its exit code. */
    public Result trySh(String script) {
        return tryExec("sh", "-c", script);
    }

    /** Runs a command that must exit 0; returns its stdout. */
    public String exec(String... command) {
        Result r = tryExec(command);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(alias + ": " + r.describe());
        }
        return r.stdout();
    }

    /** {@code sh -c script} that must exit 0; returns its stdout. */
    public String sh(String script) {
        return exec("sh", "-c", script);
    }

    /** This host's address on its (first) network. */
    public String ipAddress() {
        return container.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next()
                .getIpAddress();
    }

    /** The whole journal of this boot and the failed units, for a failure message. */
    public String dumpJournal() {
        if (container.getContainerId() == null || !container.isRunning()) {
            return "(" + alias + " is not running: no journal)";
        }
        Result failed = tryExec("systemctl", "--failed", "--no-pager");
        Result journal = tryExec("journalctl", "-b", "--no-pager", "-o", "short-precise");
        return "===== " + alias + ": failed units =====\n" + failed.stdout() + "===== " + alias + ": journal =====\n"
                + journal.stdout() + journal.stderr();
    }

    /** The journal of one unit (this boot). */
    public String unitJournal(String unit) {
        return tryExec("journalctl", "-b", "--no-pager", "-o", "cat", "-u", unit).stdout();
    }

    @Override
    public void close() {
        if (container.getContainerId() != null && journalAtClose == null) {
            try {
                journalAtClose = dumpJournal();
            } catch (RuntimeException e) {
                journalAtClose = "(" + alias + ": journal not readable at close: " + e.getMessage() + ")";
            }
        }
        container.stop();
    }

    private String journalForFailure() {
        String kept = journalAtClose;
        return kept != null ? kept : dumpJournal();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One command's outcome in a container. */
    public record Result(String command, int exitCode, String stdout, String stderr) {
        /** stdout then stderr, as a terminal shows them. */
        public String output() {
            return stdout + stderr;
        }

        public String describe() {
            return "'" + command + "' exited " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }
}
