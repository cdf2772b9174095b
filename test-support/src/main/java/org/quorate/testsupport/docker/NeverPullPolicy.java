package org.quorate.testsupport.docker;

import org.testcontainers.images.ImagePullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * No registry is reachable from the test machines: never pull. A missing image fails at once with
 * "No such image" instead of a long network timeout (images come from {@code .ci/docker-images}).
 */
public final class NeverPullPolicy implements ImagePullPolicy {
    @Override
    public boolean shouldPull(DockerImageName imageName) {
        return false;
    }
}
