package org.quorate.deploy.staging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lays out what jdeb packs beyond the launchers and the files in {@code src/deb}: for each package
 * ({@code target/deb/qnetd}, {@code target/deb/qdevice}) the jar without natives, the natives pre-extracted
 * into {@code /usr/lib/quorate/COMPONENT/native/ARCH}, the man pages (gzip -9n) and the changelog. Run by
 * exec-maven-plugin in process-classes, after the daemon modules built their shaded jars in the reactor.
 *
 * <p>Arguments: the deploy module's base directory, its build directory, the Debian version and the date
 * for the man page headers (YYYY-MM-DD).
 */
public final class DebStaging {
    private final Path basedir;
    private final Path target;
    private final String version;
    private final String date;

    DebStaging(Path basedir, Path target, String version, String date) {
        this.basedir = basedir;
        this.target = target;
        this.version = version;
        this.date = date;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: DebStaging BASEDIR TARGET DEB_VERSION DATE");
        }
        new DebStaging(Path.of(args[0]), Path.of(args[1]), args[2], args[3]).stage();
    }

    void stage() throws IOException, InterruptedException {
        for (String component : List.of("qnetd", "qdevice")) {
            Path root = packageRoot(component);
            Map<String, Long> natives = PackagedJar.split(
                    basedir.resolve("../" + component + "/target/quorate-" + component + ".jar").normalize(),
                    packagedJar(component), nativeDir(component));
            System.out.println("[deb staging] " + component + ": natives " + natives);
            String changelog = Files.readString(basedir.resolve("src/deb/changelog"), StandardCharsets.UTF_8)
                    .replace("@PACKAGE@", "corosync-" + component).replace("@VERSION@", version);
            Gzip.write(root.resolve("usr/share/doc/corosync-" + component + "/changelog.gz"),
                    changelog.getBytes(StandardCharsets.UTF_8));
        }
        for (Command command : Command.ALL) {
            String help = help(command, packagedJar(command.component()), nativeDir(command.component()));
            String template = Files.readString(basedir.resolve("src/man/" + command.name() + ".8.in"),
                    StandardCharsets.UTF_8);
            String page = ManPage.render(template, command, HelpText.parse(command.name(), help), version, date);
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            Path plain = target.resolve("man/" + command.name() + ".8");
            Files.createDirectories(plain.getParent());
            Files.write(plain, bytes);
            Gzip.write(packageRoot(command.component()).resolve("usr/share/man/man8/" + command.name() + ".8.gz"),
                    bytes);
        }
        System.out.println("[deb staging] man pages in " + target.resolve("man"));
    }

    private Path packageRoot(String component) {
        return target.resolve("deb/" + component);
    }

    private Path packagedJar(String component) {
        return packageRoot(component).resolve("usr/share/quorate/quorate-" + component + ".jar");
    }

    private Path nativeDir(String component) {
        return packageRoot(component).resolve("usr/lib/quorate/" + component + "/native");
    }

    /**
     * The command's {@code --help} text, from the packaged jar run the way its launcher runs it. The
     * environment variables that move paths are removed so the text shows the installed defaults.
     */
    static String help(Command command, Path jar, Path nativeDir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Djna.boot.library.path=" + nativeDir.resolve(PackagedJar.X86_64));
        cmd.add("-Djna.nounpack=true");
        if (command.setsProg()) {
            cmd.add("-Dquorate.prog=" + command.name());
        }
        cmd.addAll(List.of("-cp", jar.toString(), command.mainClass(), "--help"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        pb.environment().keySet().removeIf(k -> k.startsWith("QUORATE_"));
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.name() + " --help did not finish within 60 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": "
                    + new String(err, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
