package io.runpack.localaws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal AWS Lambda Runtime API on a loopback port (the endpoints a function's poll loop uses:
 * next invocation, response, error), to run a packaged function as Lambda would, here. For
 * cold-start measurements and end-to-end checks of the package.
 */
public final class LocalLambdaRuntime implements AutoCloseable {

  private static final String BASE = "/2018-06-01/runtime";

  /** What the function answered: a result, or a Lambda error (errorType and message as JSON). */
  public record Answer(boolean error, byte[] body) {}

  private record Invocation(String id, byte[] event, CompletableFuture<Answer> answer) {}

  private final HttpServer server;
  private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
  private final Map<String, Invocation> running = new ConcurrentHashMap<>();
  private final CompletableFuture<byte[]> initError = new CompletableFuture<>();

  public LocalLambdaRuntime() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(BASE + "/invocation/", this::invocation);
    server.createContext(
        BASE + "/init/error",
        exchange -> {
          initError.complete(body(exchange));
          reply(exchange, 202, new byte[0], Map.of());
        });
    server.setExecutor(
        Executors.newCachedThreadPool(
            r -> {
              Thread thread = new Thread(r, "local-lambda-runtime");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
  }

  /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues an event; the future completes with the function's answer. */
  public CompletableFuture<Answer> invoke(byte[] event) {
    Invocation invocation =
        new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>());
    pending.add(invocation);
    return invocation.answer();
  }

  /** Completes if the function reports an initialization error. */
  public CompletableFuture<byte[]> initError() {
    return initError;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void invocation(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring((BASE + "/invocation/").length());
    if (path.equals("next")) {
      Invocation next;
      try {
        next = pending.poll(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (next == null) {
        reply(exchange, 503, new byte[0], Map.of());
        return;
      }
      running.put(next.id(), next);
      reply(
          exchange,
          200,
          next.event(),
          Map.of(
              "Lambda-Runtime-Aws-Request-Id", next.id(),
              "Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 900_000),
              "Lambda-Runtime-Invoked-Function-Arn",
                  "arn:aws:lambda:us-east-1:000000000000:function:runpack",
              "Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000",
              "Content-Type", "application/json"));
      return;
    }
    String[] parts = path.split("/");
    Invocation invocation = parts.length == 2 ? running.remove(parts[0]) : null;
    if (invocation == null) {
      reply(exchange, 404, new byte[0], Map.of());
      return;
    }
    invocation.answer().complete(new Answer(parts[1].equals("error"), body(exchange)));
    reply(exchange, 202, new byte[0], Map.of());
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  private static void reply(
      HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }
}
