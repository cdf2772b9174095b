package org.quorate.testsupport.lab;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.util.List;

/**
 * JUnit 5 extension: when a test fails, prints the log tails and events of every lab opened since its test
 * class started (closed labs keep their logs, so this works after teardown too). Use with
 * {@code @ExtendWith(LabDiagnosticsOnFailure.class)}.
 */
public final class LabDiagnosticsOnFailure implements BeforeAllCallback, TestWatcher {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LabDiagnosticsOnFailure.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("firstLab", NetnsLab.opened().size());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Integer first = context.getParent().map(p -> p.getStore(NS).get("firstLab", Integer.class)).orElse(null);
        List<NetnsLab> labs = NetnsLab.opened();
        for (NetnsLab lab : labs.subList(first == null ? 0 : Math.min(first, labs.size()), labs.size())) {
            System.err.println("### " + context.getDisplayName() + " failed; lab diagnostics:\n" + lab.diagnostics(40));
        }
    }
}
