package dev.mailgate.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for processes a test starts and that bind them later (the sandbox, the packaged services,
 * their management interfaces).
 *
 * <p>A port from {@code new ServerSocket(0)} comes from the kernel's ephemeral range, the range it
 * also takes the local ports of outgoing connections from. Between the moment the port is chosen
 * and the moment the started process binds it, which is seconds for a JVM on a busy machine, any
 * connection to Kafka or PostgreSQL may take it, and the process then fails to start with "address
 * already in use". The ports here come from below the ephemeral range, are checked free on the
 * loopback interface, and are never handed out twice by one JVM.
 */
public final class FreePorts {

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int LOWEST = 20_000;
  private static final int SPAN = 12_000;
  private static final int DEFAULT_EPHEMERAL_START = 32_768;
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private FreePorts() {}

  /** A loopback port nothing listens on, outside the ephemeral range, not handed out before. */
  public static synchronized int next() {
    int end = ephemeralStart();
    int low = Math.max(1_024, Math.min(LOWEST, end - SPAN));
    int span = end - low;
    if (span < 100) {
      throw new IllegalStateException(
          "the ephemeral range starts at " + end + ": no room below it");
    }
    int first = ThreadLocalRandom.current().nextInt(span);
    for (int i = 0; i < span; i++) {
      int port = low + (first + i) % span;
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + low + " and " + end);
  }

  static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Where the kernel's ephemeral ports start; Linux's default where it cannot be read. */
  static int ephemeralStart() {
    // Read as a stream: Files.readString trusts the size /proc reports and gets one byte.
    try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
      String[] range = reader.readLine().trim().split("\\s+");
      return Integer.parseInt(range[0]);
    } catch (IOException | RuntimeException e) {
      return DEFAULT_EPHEMERAL_START;
    }
  }
}
