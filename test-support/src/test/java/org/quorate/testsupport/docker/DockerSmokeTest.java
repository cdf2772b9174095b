package org.quorate.testsupport.docker;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quorate.testsupport.LogsOnFailure;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

import static org.assertj.core.api.Assertions.assertThat;

/** Proves the engine, the local JRE image and the network pool. Fails (does not skip) without an engine. */
@Tag("docker")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(LogsOnFailure.class)
class DockerSmokeTest {

    @Test
    void jreImageRunsJavaOnAnInternalNetworkInTheBenchmarkRange() throws Exception {
        DockerLab.requireEngine();
        try (Network net = DockerLab.internalNetwork();
             GenericContainer<?> box = DockerLab.host(LocalImages.JRE, net, "jre1")) {
            box.start();
            ExecResult java = box.execInContainer("java", "-version");
            assertThat(java.getExitCode()).as(java.getStderr()).isZero();
            assertThat(java.getStderr()).contains("openjdk version \"17.");

            assertThat(DockerLab.subnets(net)).singleElement().asString().startsWith("198.19.2");
            String ip = box.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next()
                    .getIpAddress();
            assertThat(ip).startsWith("198.19.");
            ExecResult hostname = box.execInContainer("hostname");
            assertThat(hostname.getStdout().strip()).isEqualTo("jre1");
        }
    }
}
