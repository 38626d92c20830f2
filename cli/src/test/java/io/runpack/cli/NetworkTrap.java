package io.runpack.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A loopback socket that stands as the browser's HTTP proxy and answers nothing: it records the
 * first line of every connection (the request a page tried to send: {@code GET http://… HTTP/1.1}
 * or {@code CONNECT host:443 …}) and closes it.
 *
 * <p>Chromium also calls its own services whatever the flags (Debian's chromium 156.0.8078.114 asks
 * its component updater, sign-in and network-time servers even with {@code
 * --disable-component-update} and {@code --disable-background-networking}); those requests are not
 * the page's. They are set apart by exact host, from {@link #BROWSER_SERVICES} only, so that a page
 * referencing any other host, Google's font and static hosts included, is still caught.
 */
final class NetworkTrap implements AutoCloseable {

  /** Hosts of the browser's own background services, never referenced by a report page. */
  static final Set<String> BROWSER_SERVICES =
      Set.of(
          "update.googleapis.com",
          "accounts.google.com",
          "clients2.google.com",
          "redirector.gvt1.com",
          "optimizationguide-pa.googleapis.com",
          "safebrowsingohttpgateway.googleapis.com",
          "content-autofill.googleapis.com");

  /**
   * What a connection on which nothing was sent before it closed is recorded as: no request line,
   * but not nothing either (a page's preconnect to a plain-HTTP host leaves exactly this).
   */
  static final String NOTHING_SENT = "(connection)";

  private final ServerSocket server;
  private final Thread acceptor;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  private NetworkTrap(ServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::accept, "network-trap");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  static NetworkTrap open() {
    try {
      return new NetworkTrap(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * Stops accepting, lets a connection being read finish, and lists every first line but those of
   * the browser's own services.
   */
  List<String> requests() {
    close();
    synchronized (requests) {
      return requests.stream().filter(line -> !BROWSER_SERVICES.contains(host(line))).toList();
    }
  }

  /**
   * The host a proxy request line names: {@code CONNECT host:port …} or {@code GET
   * http://host[:port]/… …}; empty for anything else.
   */
  static String host(String line) {
    String[] parts = line.split(" ");
    if (parts.length < 2) {
      return "";
    }
    String target = parts[1];
    if (parts[0].equals("CONNECT")) {
      int colon = target.lastIndexOf(':');
      return colon < 0 ? target : target.substring(0, colon);
    }
    int scheme = target.indexOf("://");
    if (scheme < 0) {
      return "";
    }
    String rest = target.substring(scheme + 3);
    int end = rest.length();
    for (char stop : new char[] {'/', ':', '?'}) {
      int at = rest.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    return rest.substring(0, end);
  }

  private void accept() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        socket.setSoTimeout(2_000);
        requests.add(firstLine(socket.getInputStream()));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        requests.add("(connection: " + e.getClass().getSimpleName() + ")");
      }
    }
  }

  private static String firstLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0 && b != '\n' && line.length() < 2_000) {
      line.append((char) b);
    }
    return line.length() == 0 ? NOTHING_SENT : line.toString().strip();
  }

  @Override
  public void close() {
    try {
      server.close();
      acceptor.join(10_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
