package org.quorate.link.transport;

import io.netty.channel.unix.Errors;
import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.quorate.net.SendFailure;

import java.io.IOException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;

import static org.assertj.core.api.Assertions.assertThat;

class SendFailuresTest {
    @Test
    void epollErrnosAreClassifiedByNumber() {
        // NativeIoException's constructor needs the native library that Epoll.isAvailable() loads
        Assumptions.assumeTrue(Epoll.isAvailable(), "the epoll native library is not loadable here");
        assertThat(SendFailures.classify(new Errors.NativeIoException("sendToAddress", -1))).isEqualTo(SendFailure.PERMISSION_DENIED);
        assertThat(SendFailures.classify(new Errors.NativeIoException("sendToAddress", -13))).isEqualTo(SendFailure.PERMISSION_DENIED);
        assertThat(SendFailures.classify(new Errors.NativeIoException("sendToAddress", -90))).isEqualTo(SendFailure.MESSAGE_TOO_BIG);
        assertThat(SendFailures.classify(new Errors.NativeIoException("sendToAddress", -101))).isEqualTo(SendFailure.UNREACHABLE);
        assertThat(SendFailures.classify(new Errors.NativeIoException("sendToAddress", -113))).isEqualTo(SendFailure.UNREACHABLE);
        assertThat(SendFailures.classify(new Errors.NativeIoException("sendToAddress", -111))).isEqualTo(SendFailure.UNREACHABLE);
        assertThat(SendFailures.classify(new Errors.NativeIoException("sendToAddress", -105))).isEqualTo(SendFailure.NO_BUFFER_SPACE);
        assertThat(SendFailures.classify(new Errors.NativeIoException("sendToAddress", -5))).isEqualTo(SendFailure.OTHER);
    }

    @Test
    void nioExceptionsAreClassifiedByTypeAndByTheCLibrarysWords() {
        assertThat(SendFailures.classify(new SocketException("Operation not permitted"))).isEqualTo(SendFailure.PERMISSION_DENIED);
        assertThat(SendFailures.classify(new IOException("Message too long"))).isEqualTo(SendFailure.MESSAGE_TOO_BIG);
        assertThat(SendFailures.classify(new SocketException("Network is unreachable"))).isEqualTo(SendFailure.UNREACHABLE);
        assertThat(SendFailures.classify(new NoRouteToHostException("x"))).isEqualTo(SendFailure.UNREACHABLE);
        assertThat(SendFailures.classify(new PortUnreachableException())).isEqualTo(SendFailure.UNREACHABLE);
        assertThat(SendFailures.classify(new IOException("No buffer space available"))).isEqualTo(SendFailure.NO_BUFFER_SPACE);
        assertThat(SendFailures.classify(new IOException("Input/output error"))).isEqualTo(SendFailure.OTHER);
        assertThat(SendFailures.classify(new IOException((String) null))).isEqualTo(SendFailure.OTHER);
    }

    @Test
    void aWrappedCauseIsFound() {
        var wrapped = new RuntimeException("write failed", new SocketException("Operation not permitted"));
        assertThat(SendFailures.classify(wrapped)).isEqualTo(SendFailure.PERMISSION_DENIED);
    }
}
