package org.quorate.conf;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A parsed corosync.conf: the original text, the tree (comments and blank lines included) and its dialect.
 * Unedited, it writes back byte for byte; once edited through {@link #root()}, the writer emits the
 * dialect's canonical form. {@link #cmap()} is what {@code corosync-cmapctl} would show for the file's keys.
 * Not thread-safe.
 */
public final class ConfDocument {
    private final String fileName;
    private final String originalText;
    private final Dialect dialect;
    private final UserDb users;
    private ConfSection root;
    private boolean edited;
    private SortedMap<String, CmapEntry> cmap;

    ConfDocument(String fileName, String originalText, Dialect dialect, UserDb users) {
        this.fileName = fileName;
        this.originalText = originalText;
        this.dialect = dialect;
        this.users = users;
    }

    void adoptRoot(ConfSection parsedRoot) {
        this.root = parsedRoot;
    }

    void markEdited() {
        edited = true;
        cmap = null;
    }

    public String fileName() {
        return fileName;
    }

    /** The text as it was read. */
    public String originalText() {
        return originalText;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The top of the tree (a section with the empty name); editing it marks the document edited. */
    public ConfSection root() {
        return root;
    }

    public boolean isEdited() {
        return edited;
    }

    /** The flattened keys with type and source line, sorted by key; recomputed after edits. */
    public SortedMap<String, CmapEntry> cmapEntries() {
        if (cmap == null) {
            cmap = CmapBuilder.flatten(fileName, root, users);
        }
        return cmap;
    }

    /** The flattened keys and their values as {@code corosync-cmapctl} shows them (integers in decimal). */
    public SortedMap<String, String> cmap() {
        SortedMap<String, String> out = new TreeMap<>();
        cmapEntries().forEach((k, e) -> out.put(k, e.value()));
        return out;
    }

    /** The cmap entry of {@code key}, or null. */
    public CmapEntry entry(String key) {
        return cmapEntries().get(key);
    }

    /** The document as its dialect writes it: the original text if unedited. */
    public String text() {
        if (!edited) {
            return originalText;
        }
        cmapEntries(); // an edit must not produce a file corosync would refuse
        return dialect == Dialect.PROXMOX ? ProxmoxFormat.write(ProxmoxFormat.fromTree(fileName, root))
            : CorosyncFormat.write(root);
    }

    /**
     * Adds one to {@code totem.config_version} (as PVE's atomic_write_conf does), creating it as 1 when
     * absent in a corosync-dialect file.
     *
     * @throws ConfException Proxmox's {@code invalid corosync config: unable to read config version} when a
     *                       Proxmox file has none
     */
    public long bumpConfigVersion() {
        CmapEntry current = entry("totem.config_version");
        if (current == null && dialect == Dialect.PROXMOX) {
            throw new ConfException(ConfException.Stage.WRITE, fileName, 0, "totem.config_version",
                "invalid corosync config: unable to read config version");
        }
        long next = current == null ? 1 : Long.parseUnsignedLong(current.value()) + 1;
        List<ConfSection> totems = root.sections("totem");
        ConfSection totem = totems.isEmpty() ? root.addSection("totem") : totems.get(totems.size() - 1);
        for (ConfSection t : totems) {
            if (t.value("config_version").isPresent()) {
                totem = t; // corosync keeps the last one; edit where it is
            }
        }
        totem.set("config_version", Long.toUnsignedString(next));
        return next;
    }

    /** Typo warnings: keys that look like a misspelt known key (see {@link KnownKeys#typoWarnings}). */
    public List<String> warnings() {
        return KnownKeys.typoWarnings(this);
    }
}
