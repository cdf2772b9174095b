package org.quorate.qdevice.corosync;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.quorate.qdevice.backend.CsError;
import org.quorate.qdevice.backend.QuorumBackendException;

/**
 * Loads corosync's client libraries by their runtime (sonamed) file names, so only the runtime
 * packages (libvotequorum8, libcmap4) are needed, not the -dev symlinks.
 */
final class CorosyncLibraries {
    static final String VOTEQUORUM_SONAME = "libvotequorum.so.8";
    static final String CMAP_SONAME = "libcmap.so.4";

    private static volatile VotequorumLibrary votequorum;
    private static volatile CmapLibrary cmap;

    private CorosyncLibraries() {
    }

    static VotequorumLibrary votequorum() {
        if (votequorum == null) {
            votequorum = load(VOTEQUORUM_SONAME, VotequorumLibrary.class, "libvotequorum8");
        }
        return votequorum;
    }

    static CmapLibrary cmap() {
        if (cmap == null) {
            cmap = load(CMAP_SONAME, CmapLibrary.class, "libcmap4");
        }
        return cmap;
    }

    private static <T extends Library> T load(String soname, Class<T> type, String debianPackage) {
        try {
            return Native.load(soname, type);
        } catch (UnsatisfiedLinkError e) {
            throw new QuorumBackendException("loading " + soname + " (install the Debian package "
                    + debianPackage + ")", CsError.LIBRARY, e);
        }
    }

    /** Throws unless {@code rc} is CS_OK. */
    static void check(int rc, String operation) {
        CsError e = CsError.fromCode(rc);
        if (e != CsError.OK) {
            throw new QuorumBackendException(operation, e);
        }
    }
}
