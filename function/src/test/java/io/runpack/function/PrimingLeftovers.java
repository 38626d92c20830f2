package io.runpack.function;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What priming might leave behind in a snapshot, looked for from the outside: sockets of this
 * process on the stub's port (Linux's /proc/self/net/tcp, IPv4 and IPv6) and threads of the stub or
 * the priming sink. Threads get a moment to end, as a pool's do after its shutdown.
 */
final class PrimingLeftovers {

  /** TCP states that hold a socket open in this process: established, close-wait, listening. */
  private static final Set<String> OPEN_STATES = Set.of("01", "08", "0A");

  private static final long THREAD_WAIT_MS = 2_000;

  private PrimingLeftovers() {}

  /** This process's open TCP sockets with {@code port} at either end, as /proc lists them. */
  static List<String> openSockets(int port) throws IOException {
    String hex = HexFormat.of().toHexDigits((short) port).toUpperCase(Locale.ROOT);
    List<String> open = new ArrayList<>();
    for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.exists(path)) {
        continue;
      }
      for (String line : Files.readAllLines(path)) {
        String[] f = line.trim().split("\\s+");
        boolean onPort = f.length > 3 && (f[1].endsWith(":" + hex) || f[2].endsWith(":" + hex));
        if (onPort && OPEN_STATES.contains(f[3])) {
          open.add(line.trim());
        }
      }
    }
    return open;
  }

  /** Live threads of the stub (the JDK HTTP server's dispatcher). */
  static List<String> stubThreads() throws InterruptedException {
    return await(() -> live().filter(name -> name.startsWith("HTTP-Dispatcher")).toList());
  }

  /** Live threads that were not in {@code before}. */
  static List<String> threadsStartedSince(Set<Thread> before) throws InterruptedException {
    List<String> known = before.stream().map(Thread::getName).toList();
    return await(() -> live().filter(name -> !known.contains(name)).toList());
  }

  private static Stream<String> live() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .sorted();
  }

  private static List<String> await(Supplier<List<String>> left) throws InterruptedException {
    long deadline = System.currentTimeMillis() + THREAD_WAIT_MS;
    List<String> found = left.get();
    while (!found.isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      found = left.get();
    }
    return found;
  }
}
