package org.quorate.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a document to disk atomically: the text is checked first (it must parse and pass the typed views,
 * so a bad edit writes nothing), then written to a temporary file in the target's directory, fsynced,
 * renamed over the target and the directory fsynced. A crash at any point leaves the old file or the new
 * one, never a mixture; a failed step removes the temporary file.
 */
public final class ConfWriter {
    private final AtomicFiles files;

    public ConfWriter(AtomicFiles files) {
        this.files = files;
    }

    public static ConfWriter system() {
        return new ConfWriter(AtomicFiles.system());
    }

    /**
     * Writes {@code doc} to {@code target}, first adding one to {@code totem.config_version} if asked.
     *
     * @return the text written
     * @throws ConfException naming the file when the text would not be accepted or a step fails
     */
    public String write(ConfDocument doc, Path target, boolean bumpConfigVersion) {
        if (bumpConfigVersion) {
            doc.bumpConfigVersion();
        }
        String text = doc.text();
        // What we write must be what corosync (and, for Proxmox files, pvecm) will read back.
        ConfDocument reread = ConfParser.parse(target.toString(), text, doc.dialect(), UserDb.system());
        CorosyncConfig.of(reread);
        replace(target, text.getBytes(StandardCharsets.UTF_8));
        return text;
    }

    /** The atomic replace alone. */
    public void replace(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = files.createTemp(dir, "." + target.getFileName() + ".");
            files.write(temp, bytes);
            files.fsync(temp);
            files.rename(temp, target);
            temp = null;
            files.fsyncDirectory(dir);
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                try {
                    files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is harmless; the target is untouched
                }
            }
            throw new ConfException(ConfException.Stage.WRITE, target.toString(), 0, null,
                "cannot write " + target + ": " + e.getMessage());
        }
    }
}
