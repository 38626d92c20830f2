package io.runpack.localaws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on a loopback port in front of a real server of the local stack, which makes one
 * chosen request fail the way a broken or busy server does: a 500 answer, a connection closed
 * without an answer, or S3's 409 to a conditional write racing another. Every other request is
 * passed through unchanged. For fault-injection tests only.
 */
public final class FaultyHttpProxy implements AutoCloseable {

  /** How the chosen request fails. */
  public enum Fault {
    INTERNAL_ERROR,
    CONNECTION_DROPPED,
    /** S3's 409 ConditionalRequestConflict: another conditional write of the key is under way. */
    CONDITIONAL_CONFLICT
  }

  private static final Set<String> UNFORWARDED =
      Set.of(
          "connection",
          "content-length",
          "date",
          "expect",
          "from",
          "host",
          "upgrade",
          "via",
          "warning",
          "transfer-encoding",
          "keep-alive");

  private final URI upstream;
  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AtomicInteger matching = new AtomicInteger();
  private volatile String faultMethod;
  private volatile int faultAt;
  private volatile Fault fault;
  private volatile boolean once;

  private FaultyHttpProxy(URI upstream) {
    this.upstream = upstream;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "faulty-proxy");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
  }

  /** A proxy forwarding to {@code upstream}, failing nothing until {@link #failNth} is called. */
  public static FaultyHttpProxy in(URI upstream) {
    return new FaultyHttpProxy(upstream);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * From now on, the {@code n}-th request (1-based) with {@code method} fails with {@code how}, and
   * so does every later one, until {@link #heal()}: retries of it fail too, as they would against a
   * server that stays broken.
   */
  public void failNth(String method, int n, Fault how) {
    fail(method, n, how, false);
  }

  /**
   * From now on, only the {@code n}-th request (1-based) with {@code method} fails; not retries.
   */
  public void failOnlyNth(String method, int n, Fault how) {
    fail(method, n, how, true);
  }

  private void fail(String method, int n, Fault how, boolean onlyOnce) {
    matching.set(0);
    once = onlyOnce;
    faultAt = n;
    fault = how;
    faultMethod = method;
  }

  /** Stops failing anything. */
  public void heal() {
    faultMethod = null;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String method = exchange.getRequestMethod();
      int nth = method.equals(faultMethod) ? matching.incrementAndGet() : 0;
      if (nth > 0 && (once ? nth == faultAt : nth >= faultAt)) {
        if (fault == Fault.CONNECTION_DROPPED) {
          return; // closing an exchange before its status line closes the connection
        }
        boolean conflict = fault == Fault.CONDITIONAL_CONFLICT;
        byte[] error =
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                    + (conflict ? "ConditionalRequestConflict" : "InternalError")
                    + "</Code><Message>injected failure</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(conflict ? 409 : 500, error.length);
        exchange.getResponseBody().write(error);
        return;
      }
      forward(exchange, method, body);
    }
  }

  private void forward(HttpExchange exchange, String method, byte[] body) throws IOException {
    URI target =
        upstream.resolve(
            exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (!UNFORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        header.getValue().forEach(v -> request.header(header.getKey(), v));
      }
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } catch (IOException upstreamDown) {
      return; // the upstream is gone: so is the answer
    }
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!UNFORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
              }
            });
    byte[] answer = response.body();
    boolean noBody = method.equals("HEAD") || answer.length == 0;
    if (method.equals("HEAD")) {
      response
          .headers()
          .firstValue("content-length")
          .ifPresent(v -> exchange.getResponseHeaders().set("Content-Length", v));
    }
    exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : answer.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }
}
