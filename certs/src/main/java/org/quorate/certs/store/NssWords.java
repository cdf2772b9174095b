package org.quorate.certs.store;

/**
 * What NSS's certutil and pk12util print during the C certutil scripts' steps that Quorate does in Java
 * (key generation, the CA's extension questions, writing the PKCS#12 file) or does with a different NSS
 * call (pk12util -i where the script runs certutil -A with trust u). Printed at the same point, on the same
 * stream, so that an administrator (and a script comparing outputs) sees the C tool's terminal.
 */
final class NssWords {
    /** certutil -S/-R generating a key (stderr). */
    static final String KEY_GENERATION = "\n\nGenerating key.  This may take a few moments...\n\n";
    /** certutil -S -x -2 asking the three extension questions, answered y, 0, y by the script (stdout). */
    static final String CA_EXTENSION_PROMPTS = "Is this a CA certificate [y/N]?\n"
            + "Enter the path length constraint, enter to skip [<0 for unlimited path]: > "
            + "Is this a critical extension [y/N]?\n";
    /** certutil -S/-A adding a certificate whose key is in the database with trust u,u,u (stderr). */
    static final String TRUST_U_NOTICE = "Notice: Trust flag u is set automatically if the private key is present.\n";
    /** pk12util -o having written the bundle (stdout). */
    static final String PKCS12_EXPORTED = "pk12util: PKCS12 EXPORT SUCCESSFUL\n";

    private NssWords() {
    }
}
