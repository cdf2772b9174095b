package org.quorate.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit 5 extension for realstack, docker and slow tests: when a test fails, prints every
 * {@link FailureLogs} source registered since its test class started (network-namespace labs
 * register their diagnostics when opened, tests add daemon logs or container logs). Use with
 * {@code @ExtendWith(LogsOnFailure.class)} beside the class's {@code @Timeout}.
 */
public final class LogsOnFailure implements BeforeAllCallback, TestWatcher {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LogsOnFailure.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("mark", FailureLogs.mark());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Integer mark = context.getParent().map(p -> p.getStore(NS).get("mark", Integer.class)).orElse(0);
        for (FailureLogs.Source source : FailureLogs.since(mark == null ? 0 : mark)) {
            String text;
            try {
                text = source.text().get();
            } catch (RuntimeException e) {
                text = "(cannot read: " + e + ")";
            }
            System.err.println("### " + context.getDisplayName() + " failed; " + source.name() + ":\n" + text);
        }
    }
}
