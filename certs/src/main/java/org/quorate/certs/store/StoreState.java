package org.quorate.certs.store;

/** What a certificate directory holds, decided from which files are present. */
public enum StoreState {
    /** Nothing yet: the directory is missing or holds neither our files nor an NSS database. */
    EMPTY,
    /** Our PKCS#12/PEM files are there (an NSS database may be there too; ours win). */
    QUORATE,
    /** Only an NSS database from the C tools: it must be converted with {@code --import-nss}. */
    NSS_ONLY
}
