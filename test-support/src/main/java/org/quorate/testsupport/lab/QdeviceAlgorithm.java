package org.quorate.testsupport.lab;

/** {@code quorum.device.net.algorithm}; NONE means no quorum device section at all. */
public enum QdeviceAlgorithm {
    FFSPLIT("ffsplit"), LMS("lms"), NONE("none");

    private final String word;

    QdeviceAlgorithm(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
