package org.quorate.link.transport;

import org.quorate.net.DatagramEndpoint;
import org.quorate.net.DatagramReceiver;
import org.quorate.net.SendFailure;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A program for the namespace tests: binds {@code args[0]}:{@code args[1]}, sends {@code args[4]} datagrams
 * to {@code args[2]}:{@code args[3]} through NettyUdpTransport, waits half a second, and prints one line per
 * classified failure ({@code FAILURE PERMISSION_DENIED <detail>}) and {@code DONE}.
 */
public final class SendProbe {
    private SendProbe() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress local = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        InetSocketAddress remote = new InetSocketAddress(args[2], Integer.parseInt(args[3]));
        int count = Integer.parseInt(args[4]);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try (NettyUdpTransport t = NettyUdpTransport.start(UdpSocketOptions.DEFAULTS)) {
            DatagramEndpoint e = t.open(local, new DatagramReceiver() {
                @Override
                public void received(InetSocketAddress source, byte[] data, int length) {
                }

                @Override
                public void sendFailed(InetSocketAddress destination, SendFailure failure, String detail) {
                    failures.add(failure.name() + " " + detail);
                }
            });
            for (int i = 0; i < count; i++) {
                e.send(remote, new byte[100], 0, 100);
            }
            Thread.sleep(500);
            System.out.println("EPOLL " + t.epoll());
        }
        failures.forEach(f -> System.out.println("FAILURE " + f));
        System.out.println("DONE");
    }
}
