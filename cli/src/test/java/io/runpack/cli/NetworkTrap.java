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

/**
 * A loopback socket that stands as the browser's HTTP proxy and answers nothing: it records the
 * first line of every connection (the request a page tried to send: {@code GET http://… HTTP/1.1}
 * or {@code CONNECT host:443 …}) and closes it.
 */
final class NetworkTrap implements AutoCloseable {

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

  /** Stops accepting, lets a connection being read finish, and lists every first line. */
  List<String> requests() {
    close();
    synchronized (requests) {
      return List.copyOf(requests);
    }
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
    return line.length() == 0 ? "(connection)" : line.toString().strip();
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
