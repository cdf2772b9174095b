package org.quorate.link.scenario;

import org.junit.jupiter.api.Test;
import org.quorate.net.DatagramEndpoint;
import org.quorate.net.DatagramReceiver;
import org.quorate.net.SendFailure;
import org.quorate.testsupport.simnet.AddressBook;
import org.quorate.testsupport.simnet.Endpoint;
import org.quorate.testsupport.simnet.LinkConditions;
import org.quorate.testsupport.simnet.SimDatagramTransport;
import org.quorate.testsupport.simnet.SimNetwork;
import org.quorate.time.VirtualScheduler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimDatagramTransportTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final SimNetwork network = new SimNetwork(scheduler, 3);
    private final AddressBook book = new AddressBook();
    private final SimDatagramTransport transport = new SimDatagramTransport(network, book);
    private final List<String> got = new ArrayList<>();

    private DatagramReceiver receiver() {
        return new DatagramReceiver() {
            @Override
            public void received(InetSocketAddress source, byte[] data, int length) {
                got.add(source + " " + new String(data, 0, length));
            }

            @Override
            public void sendFailed(InetSocketAddress destination, SendFailure failure, String detail) {
                got.add("failed " + destination + " " + failure);
            }
        };
    }

    @Test
    void datagramsGoBetweenAddressesWithTheirSourceAndOverMtuOnesVanish() throws IOException {
        InetSocketAddress a = book.standard(1, 0);
        InetSocketAddress b = book.standard(2, 0);
        DatagramEndpoint ea = transport.open(a, receiver());
        transport.open(b, receiver());
        byte[] buffer = "xxhelloxx".getBytes();
        ea.send(b, buffer, 2, 5);
        buffer[2] = 'J'; // the caller may reuse its buffer at once
        network.setConditions(Endpoint.of(1, 0), Endpoint.of(2, 0), LinkConditions.PERFECT.withMtu(10));
        ea.send(b, new byte[11], 0, 11);
        scheduler.runDue();
        assertThat(got).containsExactly("/198.18.0.1:5405 hello");
        assertThat(a).isEqualTo(new InetSocketAddress("198.18.0.1", 5405));
    }

    @Test
    void anUnknownDestinationIsUnreachableAndABoundAddressCannotBeBoundAgain() throws IOException {
        InetSocketAddress a = book.standard(1, 1);
        DatagramEndpoint ea = transport.open(a, receiver());
        InetSocketAddress nowhere = new InetSocketAddress("198.18.9.9", 5405);
        ea.send(nowhere, new byte[1], 0, 1);
        assertThat(got).as("reported later, on the scheduler").isEmpty();
        scheduler.runDue();
        assertThat(got).containsExactly("failed " + nowhere + " UNREACHABLE");
        assertThatThrownBy(() -> transport.open(a, receiver())).isInstanceOf(IOException.class)
                .hasMessageContaining("198.18.1.1:5406").hasMessageContaining("in use");
        assertThatThrownBy(() -> transport.open(nowhere, receiver())).hasMessageContaining("not an address");
        transport.close();
        ea.send(book.standard(2, 1), new byte[1], 0, 1); // closed: ignored, as a closed socket's send
        scheduler.runDue();
        assertThat(got).hasSize(1);
    }
}
