package org.quorate.link.tool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The status files of quorate-linkbench: {@code PATH} holds the text of {@code corosync-cfgtool -s},
 * {@code PATH.nodes} that of {@code corosync-cfgtool -n}, {@code PATH.json} the JSON, each replaced atomically (a temporary file beside it, then rename(2)), so a
 * reader never sees half a file.
 */
final class StatusFiles {
    private final Path text;
    private final Path json;
    private final Path nodes;

    StatusFiles(Path text) {
        this.text = text;
        this.json = text.resolveSibling(text.getFileName() + ".json");
        this.nodes = text.resolveSibling(text.getFileName() + ".nodes");
    }

    Path text() {
        return text;
    }

    Path json() {
        return json;
    }

    void write(String cfgtoolText, String cfgtoolNodes, String jsonText) throws IOException {
        replace(text, cfgtoolText);
        replace(nodes, cfgtoolNodes);
        replace(json, jsonText);
    }

    static void replace(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
