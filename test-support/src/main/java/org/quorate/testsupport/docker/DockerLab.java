package org.quorate.testsupport.docker;

import com.github.dockerjava.api.model.Network.Ipam.Config;
import org.quorate.testsupport.FailureLogs;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;

import java.util.List;

/**
 * Testcontainers the way this project runs them (see {@code .ci/docker-engine}): a local engine whose
 * networks come from 198.19.208.0/20, local images only, internal networks (nothing routes off the bridge),
 * containers with {@code --init} kept alive by {@code sleep infinity} so daemons can be started and killed
 * one by one with {@code execInContainer}.
 */
public final class DockerLab {
    private DockerLab() {
    }

    /** Fails (never skips) with the command to run when no Docker engine answers. */
    public static void requireEngine() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("no Docker engine answers on /var/run/docker.sock; start one with: "
                    + "bash .ci/docker-engine (then bash .ci/docker-images for the local images)");
        }
    }

    /**
     * A container of a local image with {@code --init}, hostname = {@code alias}, attached to {@code network}
     * under {@code alias}, running {@code sleep infinity}. Not started.
     */
    public static GenericContainer<?> host(String image, Network network, String alias) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(LocalImages.require(image)))
                .withImagePullPolicy(new NeverPullPolicy())
                .withNetwork(network)
                .withNetworkAliases(alias)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withHostName(alias);
                    cmd.getHostConfig().withInit(true); // PID 1 reaps orphans and forwards SIGTERM
                })
                .withCommand("sleep", "infinity");
        // Shown by LogsOnFailure when a test fails; a stopped container's logs are gone with it.
        FailureLogs.register("container " + alias + " (" + image + ")",
                () -> container.isRunning() ? container.getLogs() : "(container not running)");
        return container;
    }

    /** An {@code --internal} network; the engine picks a free /24 from its pool (198.19.208.0/20). */
    public static Network internalNetwork() {
        requireEngine();
        return Network.builder().createNetworkCmdModifier(cmd -> cmd.withInternal(true)).build();
    }

    /** The network's subnets (creates it if needed); each must be inside 198.18.0.0/15. */
    public static List<String> subnets(Network network) {
        String id = network.getId();
        List<Config> configs = DockerClientFactory.instance().client().inspectNetworkCmd().withNetworkId(id).exec()
                .getIpam().getConfig();
        List<String> subnets = configs.stream().map(Config::getSubnet).toList();
        for (String s : subnets) {
            if (!s.startsWith("198.18.") && !s.startsWith("198.19.")) {
                throw new IllegalStateException("docker network " + id + " has subnet " + s
                        + " outside 198.18.0.0/15: the engine was not started by .ci/docker-engine");
            }
        }
        return subnets;
    }
}
