package org.quorate.deploy.flows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which arbiter pair a flow runs on. Both are installed with {@code dpkg -i} into hosts that never had either:
 * the C packages from the exact bookworm .debs the image keeps in /opt/c-debs, Quorate's from this build.
 */
enum Stack {
    C("C") {
        @Override
        String debOnHost(FlowHost host, String component) {
            return "/opt/c-debs/corosync-" + component + "_*.deb";
        }
    },
    QUORATE("Quorate") {
        @Override
        String debOnHost(FlowHost host, String component) {
            Path deb = quorateDeb(component);
            String target = "/tmp/" + deb.getFileName();
            host.host.withFile(deb, target);
            return target;
        }
    };

    private static final Path TARGET = Path.of(System.getProperty("quorate.deploy.target", "target"));

    final String label;

    Stack(String label) {
        this.label = label;
    }

    /** The path (a glob for dpkg) of the {@code component} ("qnetd" or "qdevice") package on {@code host}. */
    abstract String debOnHost(FlowHost host, String component);

    /** Installs the qnetd package (arbiter) or the qdevice package (node); dpkg's output. */
    Outcome install(FlowHost host, String component) {
        return host.shOk("DEBIAN_FRONTEND=noninteractive dpkg -i " + debOnHost(host, component));
    }

    /**
     * Quorate's .deb for {@code component} in deploy/target: named after the C package
     * (corosync-qnetd_3.0.3+quorate..._all.deb) or, before that rename, quorate-qnetd_..._all.deb.
     */
    static Path quorateDeb(String component) {
        Pattern name = Pattern.compile("(corosync|quorate)-" + Pattern.quote(component) + "_.*_all\\.deb");
        try (var files = Files.list(TARGET)) {
            List<Path> debs = files.filter(p -> name.matcher(p.getFileName().toString()).matches()).sorted().toList();
            if (debs.size() > 1) { // a target/ that also holds a build from before the rename: the C name wins
                debs = debs.stream().filter(p -> p.getFileName().toString().startsWith("corosync-")).toList();
            }
            if (debs.size() != 1) {
                throw new AssertionError("expected one " + name + " in " + TARGET.toAbsolutePath() + ", found " + debs
                        + " (build them with mvn -pl deploy -am package)");
            }
            return debs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + TARGET.toAbsolutePath(), e);
        }
    }
}
