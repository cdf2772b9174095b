package org.quorate.deploy.staging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTextTest {
    @Test
    void aFlagThatFillsItsColumnIsSplitAtTheColumn() {
        HelpText help = HelpText.parse("prog", "usage: prog [-ab]\n          [-S x]\n\n"
                + "  -a ARG            first\n"
                + "  -S name=value,... advanced settings\n"
                + "                    continued\nAn unindented line ends the options.\n\nNotes here.\n");
        assertThat(help.synopsis()).isEqualTo("[-ab] [-S x]");
        assertThat(help.options()).containsExactly(new HelpText.Option("-a ARG", "first"),
                new HelpText.Option("-S name=value,...", "advanced settings continued"));
        assertThat(help.notes()).containsExactly("An unindented line ends the options.", "Notes here.");
    }

    @Test
    void theCertutilsFormIsRead() {
        HelpText help = HelpText.parse("tool", "tool: [-i|-s] [-c certificate]\n\n"
                + " -i      Initialize\n -c certificate      Ether CA\n\nTypical usage:\n- one\n  - two\n");
        assertThat(help.synopsis()).isEqualTo("[-i|-s] [-c certificate]");
        assertThat(help.options()).extracting(HelpText.Option::flags).containsExactly("-i", "-c certificate");
        assertThat(help.notes()).containsExactly("Typical usage:\n- one\n  - two");
    }

    @Test
    void roffEscapesHyphensAndLeadingDots() {
        assertThat(ManPage.flags("-c certificate")).isEqualTo("\\fB\\-c\\fR \\fIcertificate\\fR");
        assertThat(ManPage.escapeLine(".hidden -x")).isEqualTo("\\&.hidden \\-x");
    }

    @Test
    void onlyLinuxX8664AndAarch64NativesAreKept() {
        assertThat(PackagedJar.linuxTarget("META-INF/native/libnetty_tcnative_linux_aarch_64.so"))
                .contains("linux-aarch64/libnetty_tcnative_linux_aarch_64.so");
        assertThat(PackagedJar.linuxTarget("META-INF/native/libnetty_transport_native_epoll_x86_64.so"))
                .contains("linux-x86-64/libnetty_transport_native_epoll_x86_64.so");
        assertThat(PackagedJar.linuxTarget("META-INF/native/libnetty_tcnative_osx_x86_64.jnilib")).isEmpty();
        assertThat(PackagedJar.linuxTarget("com/sun/jna/linux-x86-64/libjnidispatch.so"))
                .contains("linux-x86-64/libjnidispatch.so");
        assertThat(PackagedJar.linuxTarget("com/sun/jna/linux-arm/libjnidispatch.so")).isEmpty();
        assertThat(PackagedJar.isNative("com/sun/jna/Native.class")).isFalse();
        assertThat(PackagedJar.isNative("com/sun/jna/win32-x86/jnidispatch.dll")).isTrue();
    }
}
