package org.quorate.deploy.staging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * {@code gzip -9n}: best compression, no file name, time stamp 0 and the "maximum compression" flag in the
 * header, which is what Debian policy asks of man pages and changelogs (lintian reads that flag).
 * {@link java.util.zip.GZIPOutputStream} writes neither the level nor the flag, hence this.
 */
public final class Gzip {
    private static final byte[] HEADER = {
            0x1f, (byte) 0x8b, // magic
            8, // deflate
            0, // no flags: no name, no comment
            0, 0, 0, 0, // mtime 0, as gzip -n
            2, // XFL 2: maximum compression
            3, // OS: Unix
    };

    private Gzip() {
    }

    public static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        out.writeBytes(HEADER);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLittleEndian(out, (int) crc.getValue());
        writeLittleEndian(out, data.length);
        return out.toByteArray();
    }

    public static void write(Path target, byte[] data) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, compress(data));
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, int value) {
        for (int i = 0; i < 4; i++) {
            out.write(value >>> (8 * i) & 0xff);
        }
    }
}
