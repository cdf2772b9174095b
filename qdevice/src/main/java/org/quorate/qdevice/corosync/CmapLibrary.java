package org.quorate.qdevice.corosync;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.NativeLongByReference;

/**
 * JNA binding of corosync's {@code libcmap.so.4} (cmap.h). {@code size_t} is a
 * {@link NativeLong} (LP64 Linux). Only what the qdevice needs: read, iterate, track.
 */
interface CmapLibrary extends Library {
    int KEYNAME_MAXLEN = 255;
    int TRACK_DELETE = 1;
    int TRACK_MODIFY = 2;
    int TRACK_ADD = 4;
    int TRACK_PREFIX = 8;

    int cmap_initialize(LongByReference handle);

    int cmap_finalize(long handle);

    int cmap_fd_get(long handle, IntByReference fd);

    int cmap_dispatch(long handle, int dispatchTypes);

    int cmap_get(long handle, String key, Pointer value, NativeLongByReference valueLen, IntByReference type);

    int cmap_iter_init(long handle, String prefix, LongByReference iter);

    int cmap_iter_next(long handle, long iter, byte[] keyName, NativeLongByReference valueLen, IntByReference type);

    int cmap_iter_finalize(long handle, long iter);

    int cmap_track_add(long handle, String key, int trackType, NotifyFn fn, Pointer userData, LongByReference track);

    int cmap_track_delete(long handle, long track);

    /** {@code struct cmap_notify_value}, passed by value to the notify callback. */
    @Structure.FieldOrder({"type", "len", "data"})
    class NotifyValue extends Structure implements Structure.ByValue {
        public int type;
        public NativeLong len;
        public Pointer data;
    }

    /** {@code cmap_notify_fn_t}. */
    interface NotifyFn extends Callback {
        void invoke(long handle, long track, int event, String key, NotifyValue newValue, NotifyValue oldValue,
                Pointer userData);
    }
}
