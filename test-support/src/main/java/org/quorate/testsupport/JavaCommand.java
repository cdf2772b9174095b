package org.quorate.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs one of Quorate's main classes in a child JVM with the test's own
 * classpath, so interop tests exercise the code under test (not a stale installed jar) in the test
 * phase, before any jar is packaged.
 */
public final class JavaCommand {
    private JavaCommand() {
    }

    /** {@code java [jvmArgs] -cp <test classpath> mainClass}; append the program's arguments. */
    public static List<String> of(String mainClass, String... jvmArgs) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-XX:+UseSerialGC");
        argv.addAll(List.of(jvmArgs));
        argv.add("-cp");
        argv.add(classpath());
        argv.add(mainClass);
        return argv;
    }

    /** Surefire may run tests from a manifest-only jar; its property holds the real classpath. */
    public static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isEmpty() ? surefire : System.getProperty("java.class.path");
    }
}
