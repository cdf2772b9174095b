package org.quorate.deploy.staging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The copy of a shaded jar that goes into a package, without its native libraries, and those libraries
 * for Linux x86-64 and aarch64 pre-extracted into per-architecture directories.
 *
 * <p>Why: JNA and Netty unpack their natives from the jar into {@code /tmp} and load them from there, which
 * fails where {@code /tmp} is mounted noexec. JNA loads from {@code jna.boot.library.path} when told
 * {@code jna.nounpack=true}; Netty's NativeLibraryLoader falls back to {@code System.loadLibrary} (that is,
 * {@code java.library.path}) only when the library is <em>not</em> in the jar under META-INF/native/, so the
 * jar must not carry them. The launchers set both paths to the directory {@code uname -m} names.
 */
public final class PackagedJar {
    /** Directory names, as JNA names its platforms (the launchers map {@code uname -m} onto them). */
    public static final String X86_64 = "linux-x86-64";
    public static final String AARCH64 = "linux-aarch64";

    private static final String NETTY_NATIVE = "META-INF/native/";
    private static final String JNA_PREFIX = "com/sun/jna/";

    private PackagedJar() {
    }

    /**
     * Writes {@code trimmedJar} and the extracted natives below {@code nativeDir}.
     *
     * @return the extracted files, e.g. {@code linux-x86-64/libjnidispatch.so} to its size
     */
    public static Map<String, Long> split(Path shadedJar, Path trimmedJar, Path nativeDir) throws IOException {
        if (!Files.isRegularFile(shadedJar)) {
            throw new IOException(shadedJar + " does not exist: build the daemon modules first (mvn -pl deploy -am)");
        }
        Files.createDirectories(trimmedJar.getParent());
        Map<String, Long> extracted = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(shadedJar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(trimmedJar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (isNative(name)) {
                    Optional<String> target = linuxTarget(name);
                    if (target.isPresent()) {
                        Path file = nativeDir.resolve(target.get());
                        Files.createDirectories(file.getParent());
                        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        extracted.put(target.get(), Files.size(file));
                    }
                    continue;
                }
                if (entry.isDirectory() && isNativeDirectory(name)) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
        if (extracted.keySet().stream().noneMatch(f -> f.endsWith("/libjnidispatch.so"))) {
            throw new IOException(shadedJar + " holds no JNA native library for Linux: has JNA's layout changed?");
        }
        return extracted;
    }

    /** A native library file of any platform: Netty's META-INF/native/* or JNA's com/sun/jna/PLATFORM/*. */
    static boolean isNative(String name) {
        if (name.endsWith("/")) {
            return false;
        }
        if (name.startsWith(NETTY_NATIVE)) {
            return true;
        }
        if (!name.startsWith(JNA_PREFIX)) {
            return false;
        }
        String rest = name.substring(JNA_PREFIX.length());
        return rest.indexOf('/') > 0 && rest.matches("[^/]+/[^/]*jnidispatch\\.(so|a|dll|jnilib)");
    }

    private static boolean isNativeDirectory(String name) {
        return name.equals(NETTY_NATIVE)
                // JNA's platform directories (linux-x86-64/, win32-x86/...), not its package directories
                || name.startsWith(JNA_PREFIX) && name.substring(JNA_PREFIX.length()).matches("[a-z0-9]+-[a-z0-9-]+/");
    }

    /** Where a Linux x86-64 or aarch64 library goes ({@code DIR/FILE}); empty for other platforms. */
    static Optional<String> linuxTarget(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        if (name.startsWith(NETTY_NATIVE)) {
            // Netty names them libnetty_tcnative_linux_x86_64.so, libnetty_transport_native_epoll_x86_64.so
            // (epoll exists only on Linux, so its name carries no OS); the other platforms end in
            // .jnilib/.dll or carry osx_/windows_.
            if (!file.endsWith(".so") || file.contains("_osx_") || file.contains("_windows_")) {
                return Optional.empty();
            }
            if (file.endsWith("_x86_64.so")) {
                return Optional.of(X86_64 + "/" + file);
            }
            if (file.endsWith("_aarch_64.so")) {
                return Optional.of(AARCH64 + "/" + file);
            }
            return Optional.empty();
        }
        String platform = name.substring(JNA_PREFIX.length(), name.lastIndexOf('/'));
        if (platform.equals(X86_64) || platform.equals(AARCH64)) {
            return Optional.of(platform + "/" + file);
        }
        return Optional.empty();
    }
}
