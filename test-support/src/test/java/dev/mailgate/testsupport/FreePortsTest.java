package dev.mailgate.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void portsAreBindableDistinctAndOutsideTheEphemeralRange() throws IOException {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      int port = FreePorts.next();
      assertThat(port).isBetween(1_024, FreePorts.ephemeralStart() - 1);
      assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
    }
    int port = FreePorts.next();
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(socket.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void theKernelsEphemeralRangeIsReadWhole() {
    // /proc reports size 0; reading by size once gave "3" for "32768 60999".
    assertThat(FreePorts.ephemeralStart()).isGreaterThan(1_024);
  }

  @Test
  void aPortSomethingListensOnIsNotFree() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
      assertThat(FreePorts.bindable(port)).isFalse();
    }
    assertThat(FreePorts.bindable(port)).isTrue();
  }
}
