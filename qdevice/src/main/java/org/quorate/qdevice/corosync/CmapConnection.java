package org.quorate.qdevice.corosync;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.NativeLongByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.quorate.qdevice.backend.CsError;
import org.quorate.qdevice.backend.QuorumBackendException;

/**
 * One cmap IPC connection: reads keys (one or by prefix), tracks prefixes, dispatches the change
 * events. Calls, dispatch and finalize go one at a time through {@link SerialCalls}.
 */
final class CmapConnection implements AutoCloseable {
    private static final int TRACK_ALL = CmapLibrary.TRACK_ADD | CmapLibrary.TRACK_DELETE
            | CmapLibrary.TRACK_MODIFY | CmapLibrary.TRACK_PREFIX;

    private final CmapLibrary lib;
    private final long handle;
    private final SerialCalls calls = new SerialCalls();
    /** Kept reachable: the native side holds only a raw pointer to the callback. */
    private CmapLibrary.NotifyFn notifyFn;
    private final List<Long> tracks = new ArrayList<>();

    private CmapConnection(CmapLibrary lib, long handle) {
        this.lib = lib;
        this.handle = handle;
    }

    static CmapConnection open(CmapLibrary lib, TryAgain tryAgain) {
        LongByReference h = new LongByReference();
        tryAgain.run("cmap_initialize", () -> lib.cmap_initialize(h));
        return new CmapConnection(lib, h.getValue());
    }

    int fd() {
        IntByReference fd = new IntByReference();
        calls.check(() -> lib.cmap_fd_get(handle, fd), "cmap_fd_get");
        return fd.getValue();
    }

    /** Every key under each prefix (a full key name is a prefix of itself), as text. */
    Map<String, String> readPrefixes(Collection<String> prefixes) {
        Map<String, String> out = new TreeMap<>();
        return calls.locked(() -> {
            for (String prefix : prefixes) {
                readPrefix(prefix, out);
            }
            return out;
        });
    }

    /** One key as text; empty when it does not exist. */
    Optional<String> get(String key) {
        return calls.locked(() -> readValue(key));
    }

    /**
     * Tracks additions, changes and deletions under every prefix; {@code sink} gets
     * {@code (key, new value as text or null when deleted)} on the dispatching thread.
     */
    void track(Collection<String> prefixes, BiConsumer<String, String> sink) {
        notifyFn = (h, track, event, key, newValue, oldValue, userData) -> {
            String text = event == CmapLibrary.TRACK_DELETE || newValue.data == null
                    ? null : CmapValues.toText(newValue.type, newValue.data, newValue.len.longValue());
            sink.accept(key, text);
        };
        for (String prefix : prefixes) {
            LongByReference t = new LongByReference();
            calls.check(() -> lib.cmap_track_add(handle, prefix, TRACK_ALL, notifyFn, Pointer.NULL, t),
                    "cmap_track_add(" + prefix + ")");
            tracks.add(t.getValue());
        }
    }

    /** Dispatches every pending event; returns the result code. */
    CsError dispatch(int flags) {
        return calls.code(() -> lib.cmap_dispatch(handle, flags));
    }

    @Override
    public void close() {
        calls.closeOnce(() -> {
            for (long t : tracks) {
                lib.cmap_track_delete(handle, t);
            }
            lib.cmap_finalize(handle);
        });
    }

    private void readPrefix(String prefix, Map<String, String> out) {
        LongByReference iter = new LongByReference();
        CorosyncLibraries.check(lib.cmap_iter_init(handle, prefix, iter), "cmap_iter_init(" + prefix + ")");
        try {
            byte[] name = new byte[CmapLibrary.KEYNAME_MAXLEN + 1];
            NativeLongByReference len = new NativeLongByReference();
            IntByReference type = new IntByReference();
            while (true) {
                CsError rc = CsError.fromCode(lib.cmap_iter_next(handle, iter.getValue(), name, len, type));
                if (rc == CsError.NO_SECTIONS) {
                    return;
                }
                if (rc != CsError.OK) {
                    throw new QuorumBackendException("cmap_iter_next(" + prefix + ")", rc);
                }
                String key = Native.toString(name, StandardCharsets.UTF_8.name());
                // A key may vanish between iteration and read (config reload); skip it then.
                readValue(key).ifPresent(v -> out.put(key, v));
            }
        } finally {
            lib.cmap_iter_finalize(handle, iter.getValue());
        }
    }

    private Optional<String> readValue(String key) {
        NativeLongByReference len = new NativeLongByReference(new NativeLong(0));
        IntByReference type = new IntByReference();
        // First call with no buffer only asks for the length and type.
        CsError rc = CsError.fromCode(lib.cmap_get(handle, key, Pointer.NULL, len, type));
        if (rc == CsError.NOT_EXIST) {
            return Optional.empty();
        }
        if (rc != CsError.OK) {
            throw new QuorumBackendException("cmap_get(" + key + ")", rc);
        }
        long size = Math.max(1, len.getValue().longValue());
        Memory buf = new Memory(size);
        len.setValue(new NativeLong(size));
        rc = CsError.fromCode(lib.cmap_get(handle, key, buf, len, type));
        if (rc == CsError.NOT_EXIST) {
            return Optional.empty();
        }
        if (rc != CsError.OK) {
            throw new QuorumBackendException("cmap_get(" + key + ")", rc);
        }
        return Optional.of(CmapValues.toText(type.getValue(), buf, len.getValue().longValue()));
    }
}
