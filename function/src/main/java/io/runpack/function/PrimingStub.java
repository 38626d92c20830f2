package io.runpack.function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.domain.json.RunpackJson;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A loopback stand-in for DynamoDB and S3, for the requests SnapStart priming sends ({@link
 * PrimingRequests}): on 127.0.0.1 at a free port, for one priming only. DynamoDB's Query gets the
 * example run's whole partition in one page and GetItem its spec (JSON 1.0, with the {@code
 * x-amz-crc32} the SDK checks); S3's PutObject gets what S3 answers (its ETag, the checksum it was
 * sent). Anything else is an error of the service's shape.
 *
 * <p>Guarantees: every answer closes its connection, so no client keeps a pooled socket to the
 * stub; one dispatcher thread, ended with the listening socket by {@link #close}; {@link #answered}
 * counts each operation it answered.
 */
final class PrimingStub implements AutoCloseable {

  static final String QUERY = "DynamoDB.Query";
  static final String GET_ITEM = "DynamoDB.GetItem";
  static final String PUT_OBJECT = "S3.PutObject";

  private static final String DYNAMODB_TARGET = "DynamoDB_20120810.";

  private final HttpServer server;
  private final byte[] query;
  private final byte[] getItem;
  private final Map<String, Integer> answered = new TreeMap<>();

  private PrimingStub(HttpServer server, DynamoDbRunImporter.Items run) {
    this.server = server;
    List<Map<String, AttributeValue>> partition = new ArrayList<>(run.records());
    partition.add(run.run());
    partition.sort(Comparator.comparing(item -> item.get(RunLogTable.SK).s()));
    List<JsonValue> items = partition.stream().<JsonValue>map(PrimingStub::item).toList();
    this.query =
        RunpackJson.toBytes(
            JsonObject.builder()
                .put("Count", JsonNumber.of(items.size()))
                .put("Items", new JsonArray(items))
                .put("ScannedCount", JsonNumber.of(items.size()))
                .build());
    this.getItem = RunpackJson.toBytes(JsonObject.builder().put("Item", item(run.spec())).build());
  }

  /** Starts a stub that serves {@code run}'s items. */
  static PrimingStub start(DynamoDbRunImporter.Items run) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    PrimingStub stub = new PrimingStub(server, run);
    server.createContext("/", stub::answer);
    server.start();
    return stub;
  }

  /** Where the clients send their requests. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many requests of each operation the stub answered. */
  synchronized Map<String, Integer> answered() {
    return Map.copyOf(answered);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Connection", "close");
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (target != null) {
        dynamoDb(exchange, target);
      } else if (exchange.getRequestMethod().equals("PUT")) {
        putObject(exchange, body);
      } else {
        reply(
            exchange,
            501,
            "application/xml",
            ("<Error><Code>NotImplemented</Code><Message>the priming stub answers PutObject"
                    + " only</Message></Error>")
                .getBytes(StandardCharsets.UTF_8));
      }
    } finally {
      exchange.close();
    }
  }

  private void dynamoDb(HttpExchange exchange, String target) throws IOException {
    String operation =
        target.startsWith(DYNAMODB_TARGET) ? target.substring(DYNAMODB_TARGET.length()) : target;
    byte[] body =
        switch (operation) {
          case "Query" -> query;
          case "GetItem" -> getItem;
          default -> null;
        };
    if (body == null) {
      reply(
          exchange,
          400,
          "application/x-amz-json-1.0",
          ("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\","
                  + "\"message\":\"the priming stub answers Query and GetItem only\"}")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    CRC32 crc = new CRC32();
    crc.update(body);
    exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
    count("DynamoDB." + operation);
    reply(exchange, 200, "application/x-amz-json-1.0", body);
  }

  private void putObject(HttpExchange exchange, byte[] body) throws IOException {
    String checksum = exchange.getRequestHeaders().getFirst("x-amz-checksum-sha256");
    if (checksum != null) {
      exchange.getResponseHeaders().set("x-amz-checksum-sha256", checksum);
    }
    exchange.getResponseHeaders().set("ETag", "\"" + md5(body) + "\"");
    count(PUT_OBJECT);
    exchange.sendResponseHeaders(200, -1);
  }

  private synchronized void count(String operation) {
    answered.merge(operation, 1, Integer::sum);
  }

  private static void reply(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  /** An item in DynamoDB's JSON: each attribute a one-member object naming its type. */
  private static JsonObject item(Map<String, AttributeValue> item) {
    JsonObject.Builder json = JsonObject.builder();
    item.forEach((name, value) -> json.put(name, attribute(value)));
    return json.build();
  }

  private static JsonValue attribute(AttributeValue value) {
    JsonObject.Builder json = JsonObject.builder();
    switch (value.type()) {
      case S -> json.put("S", JsonString.of(value.s()));
      case N -> json.put("N", JsonString.of(value.n()));
      case M -> json.put("M", item(value.m()));
      default ->
          throw new IllegalStateException(
              "the priming stub has no " + value.type() + " attribute to answer with");
    }
    return json.build();
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }
}
