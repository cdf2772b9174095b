package org.quorate.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SdNotifyTest {
    /** A real unix datagram socket (python3 binds it, since the JDK cannot) receives READY=1. */
    @Test
    void sendsTheDatagramSystemdExpects(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("notify.sock");
        Path ready = dir.resolve("listening");
        String script = "import socket,sys,os\n"
                + "s=socket.socket(socket.AF_UNIX,socket.SOCK_DGRAM)\n"
                + "s.bind(sys.argv[1]); open(sys.argv[2],'w').close()\n"
                + "s.settimeout(20)\n"
                + "print(s.recv(4096).decode())\n";
        Process listener = new ProcessBuilder("python3", "-c", script, socket.toString(), ready.toString()).start();
        try {
            for (int i = 0; i < 200 && !Files.exists(ready); i++) {
                Thread.sleep(50);
            }
            assertThat(SdNotify.sendTo(socket.toString(), "READY=1")).isTrue();
            assertThat(listener.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(listener.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo("READY=1");
        } finally {
            listener.destroyForcibly();
        }
    }

    @Test
    void isANoOpOutsideSystemd() {
        if (System.getenv("NOTIFY_SOCKET") == null) {
            assertThat(SdNotify.ready()).isFalse();
        } else {
            assertThat(System.getenv("NOTIFY_SOCKET")).isNotEmpty();
        }
    }
}
