package org.quorate.certs.store;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * {@code serial.txt}: the last serial number used, as decimal text. It starts at 100 and is incremented
 * before each use, so the CA gets 101, the server 102 and the first cluster certificate 103 - the same
 * sequence as the C tool, which also lets both tools take turns on one directory.
 */
final class SerialFile {
    static final int INITIAL = 100;

    private final Path file;
    private final Set<PosixFilePermission> mode;
    private final Path ownerReference;

    /** @param mode and {@code ownerReference} (chown --reference) for a new file */
    SerialFile(Path file, Set<PosixFilePermission> mode, Path ownerReference) {
        this.file = file;
        this.mode = mode;
        this.ownerReference = ownerReference;
    }

    BigInteger next() throws CertStoreException {
        BigInteger last = BigInteger.valueOf(INITIAL);
        if (Files.isRegularFile(file)) {
            String text = new String(StoreFiles.read(file, "serial number file"), StandardCharsets.US_ASCII).trim();
            try {
                last = new BigInteger(text);
            } catch (NumberFormatException e) {
                throw new CertStoreException("Serial number file " + file + " is corrupt: '" + text
                        + "' is not a number");
            }
        }
        BigInteger next = last.add(BigInteger.ONE);
        byte[] text = (next + "\n").getBytes(StandardCharsets.US_ASCII);
        if (Files.isRegularFile(file)) {
            // the script rewrites it with "echo > serial.txt", which keeps its mode and owner
            StoreFiles.rewrite(file, text);
        } else {
            StoreFiles.write(file, text, mode);
            StoreFiles.chownLike(file, ownerReference);
        }
        return next;
    }
}
