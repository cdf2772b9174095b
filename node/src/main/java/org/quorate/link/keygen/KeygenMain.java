package org.quorate.link.keygen;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.quorate.link.crypto.AuthKey;

/**
 * quorate-keygen: writes the cluster's authkey exactly as corosync-keygen 3.1.7 does (tools/corosync-keygen.c):
 * the same flags, file, size (256 random bytes by default, -s 128..4096 bytes), mode 0400, messages and exit
 * codes. The launcher passes its {@code $0} as {@code -Dquorate.keygen.argv0}: like the C tool, getopt's
 * diagnostics name argv[0] and err()'s name its base name, so invoked as corosync-keygen the output is
 * byte-identical.
 *
 * <p>One deliberate difference: 3.1.7 loops forever printing "Press keys..." when the random source ends (a file
 * shorter than the key); this tool says "Unexpected end of FILE" and exits 1, as corosync 3.1.8 and later do.
 */
public final class KeygenMain {
    public static final String DEFAULT_KEYFILE = "/etc/corosync/authkey";
    public static final String DEFAULT_RANDOM = "/dev/urandom";
    public static final int DEFAULT_BYTES = 256;
    private static final Pattern STRTOLL = Pattern.compile("[ \\t\\n\\x0B\\f\\r]*[+-]?[0-9]+");

    /** corosync-keygen's usage text; {@code %1$s} is the program's name, corosync-keygen in the C tool. */
    static final String USAGE = "Usage: %1$s [-k <keyfile>] [-s size] [-m <randomfile>] [-l] [-h]\n"
            + "     -k / --key-file=<filename> -  Write to the specified keyfile\n"
            + "            instead of the default " + DEFAULT_KEYFILE + ".\n"
            + "     -r / --random-file -  Random number source file. Default is \n"
            + "            /dev/urandom. As an example /dev/random may be requested\n"
            + "            (that may require user input for entropy).\n"
            + "     -l / --less-secure - Not used, option is kept only\n"
            + "            for compatibility.\n"
            + "     -s / --size -  Length of key.\n"
            + "     -h / --help -  Print basic usage.\n";

    private final String argv0;
    private final String name;
    private final PrintStream out;
    private final PrintStream err;

    /** A failure that ends the program the way err()/errx() do: message, then the exit code. */
    private static final class Exit extends Exception {
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    KeygenMain(String argv0, PrintStream out, PrintStream err) {
        this.argv0 = argv0;
        String base = argv0.substring(argv0.lastIndexOf('/') + 1);
        this.name = base.isEmpty() ? "quorate-keygen" : base;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        String argv0 = System.getProperty("quorate.keygen.argv0", "quorate-keygen");
        Charset cs = Charset.defaultCharset();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, cs);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, cs);
        int code = new KeygenMain(argv0, out, err).run(List.of(args));
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the tool; returns the exit code. */
    int run(List<String> args) {
        try {
            String keyfile = DEFAULT_KEYFILE;
            String random = DEFAULT_RANDOM;
            int bytes = DEFAULT_BYTES;
            for (GetoptLong.Event e : GetoptLong.parse(argv0, args)) {
                if (e.error() != null) {
                    err.print(e.error() + "\n");
                    out.print("Error parsing command line options.\n");
                    return 1;
                }
                switch (e.option()) {
                    case KEY_FILE -> keyfile = e.argument();
                    case LESS_SECURE -> { /* only kept for compatibility */ }
                    case RANDOM_FILE -> random = e.argument();
                    case SIZE -> bytes = size(e.argument());
                    case HELP -> {
                        out.print(String.format(USAGE, name) + "\n");
                        return 0;
                    }
                    default -> throw new IllegalStateException(e.toString());
                }
            }
            out.print("Corosync Cluster Engine Authentication key generator.\n");
            out.print("Gathering " + (bytes * 8L) + " bits for key from " + random + ".\n");
            byte[] key = gather(random, bytes);
            try {
                write(Path.of(keyfile), keyfile, key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
            return 0;
        } catch (Exit e) {
            return e.code;
        }
    }

    private int size(String arg) throws Exit {
        long v;
        try {
            v = STRTOLL.matcher(arg).matches() ? Long.parseLong(arg.strip()) : -1;
        } catch (NumberFormatException overflow) {
            v = -1;
        }
        if (v < AuthKey.MIN_BYTES || v > AuthKey.MAX_BYTES) {
            throw errx(1, "Unsupported key size (supported <" + AuthKey.MIN_BYTES + "," + AuthKey.MAX_BYTES + ">)\n");
        }
        return (int) v;
    }

    private byte[] gather(String random, int bytes) throws Exit {
        InputStream in;
        try {
            in = Files.newInputStream(Path.of(random));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw err(1, "Failed to open random source", e);
        }
        if (random.equals("/dev/random")) {
            out.print("Press keys on your keyboard to generate entropy.\n");
        }
        byte[] key = new byte[bytes];
        try (in) {
            int read = 0;
            while (read < bytes) {
                int n = in.read(key, read, bytes - read);
                if (n <= 0) {
                    throw errx(1, "Unexpected end of " + random);
                }
                read += n;
                if (read != bytes) {
                    out.print("Press keys on your keyboard to generate entropy (" + ((bytes - read) * 8)
                            + " bits still needed).\n");
                }
            }
        } catch (IOException e) {
            throw err(1, "Could not read /dev/random", e);  // 3.1.7's words, whatever the source
        }
        return key;
    }

    private void write(Path path, String keyfile, byte[] key) throws Exit {
        SeekableByteChannel ch;
        try {
            ch = Files.newByteChannel(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw err(2, "Could not create " + keyfile, e);
        }
        try (ch) {
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("r--------"));
            } catch (IOException e) {
                throw err(3, "Failed to set key file permissions to 0400", e);
            }
            out.print("Writing corosync key to " + keyfile + ".\n");
            try {
                ByteBuffer b = ByteBuffer.wrap(key);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            } catch (IOException e) {
                throw err(4, "Could not write " + keyfile, e);
            }
        } catch (IOException closing) {
            throw err(5, "Could not close " + keyfile, closing);
        }
    }

    /** err(3): "name: message: strerror". */
    private Exit err(int code, String message, Exception cause) {
        err.print(name + ": " + message + ": " + strerror(cause) + "\n");
        return new Exit(code);
    }

    /** errx(3): "name: message" (corosync's own text sometimes ends in a newline of its own). */
    private Exit errx(int code, String message) {
        err.print(name + ": " + message + "\n");
        return new Exit(code);
    }

    static String strerror(Exception e) {
        return org.quorate.cli.Strerror.of(e);
    }
}
