package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import io.runpack.localaws.LocalAwsStack;
import io.runpack.localaws.LocalLambdaRuntime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How each front end is asked for an export, and what it answered, reduced to the error envelope's
 * code and message: the {@code runpack} jar as a process (stderr), the packaged function through a
 * local Lambda Runtime API (direct invocation: errorType and errorMessage; REST and HTTP API
 * events: status and body), and dev mode's mock event server.
 */
final class FrontEnds {

  /** One front end's answer to a bad request. */
  record Failure(String code, String message) {
    @Override
    public String toString() {
      return code + ": " + message;
    }
  }

  private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private FrontEnds() {}

  /** The AWS SDK's standard environment for the local stack, as the stack prints it. */
  static Map<String, String> awsEnvironment(LocalAwsStack stack) {
    return Map.of(
        "AWS_ENDPOINT_URL_S3",
        stack.s3Endpoint().toString(),
        "AWS_ENDPOINT_URL_DYNAMODB",
        stack.dynamoDbEndpoint().toString(),
        "AWS_REGION",
        LocalAwsStack.REGION,
        "AWS_ACCESS_KEY_ID",
        "local",
        "AWS_SECRET_ACCESS_KEY",
        "local");
  }

  /** {@code runpack export --request FILE --table T --bucket B}, as a process. */
  static Failure cli(Path jar, Path request, String table, String bucket, LocalAwsStack stack)
      throws IOException, InterruptedException {
    Path stderr = Files.createTempFile("runpack-cli", ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    jar.toString(),
                    "export",
                    "--request",
                    request.toString(),
                    "--table",
                    table,
                    "--bucket",
                    bucket))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile());
    builder.environment().putAll(awsEnvironment(stack));
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("runpack export did not finish within 60 s");
    }
    String line = Files.readString(stderr, StandardCharsets.UTF_8);
    Files.delete(stderr);
    assertEquals(line.indexOf('\n'), line.length() - 1, "one line on stderr: " + line);
    return envelope(CODEC.decode(line.getBytes(StandardCharsets.UTF_8)));
  }

  /** A direct invocation: a Lambda error whose type is the code's, message {@code code: …}. */
  static Failure direct(LocalLambdaRuntime runtime, byte[] event) throws Exception {
    LocalLambdaRuntime.Answer answer = runtime.invoke(event).get(60, TimeUnit.SECONDS);
    JsonObject error = (JsonObject) CODEC.decode(answer.body());
    assertEquals(true, answer.error(), "a Lambda error: " + error);
    return lambdaError(error);
  }

  /** An API Gateway event (REST or HTTP API): the proxy response's status and error body. */
  static Failure api(LocalLambdaRuntime runtime, JsonObject event) throws Exception {
    LocalLambdaRuntime.Answer answer =
        runtime.invoke(io.runpack.json.CanonicalJson.toBytes(event)).get(60, TimeUnit.SECONDS);
    JsonObject response = (JsonObject) CODEC.decode(answer.body());
    assertEquals(false, answer.error(), "a proxy response, not a Lambda error: " + response);
    String body = ((JsonString) response.get("body").orElseThrow()).value();
    Failure failure = envelope(CODEC.decode(body.getBytes(StandardCharsets.UTF_8)));
    int status = Integer.parseInt(((JsonNumber) response.get("statusCode").orElseThrow()).lexeme());
    assertEquals(ApiGatewayEvents.status(code(failure.code())), status, "the status of " + failure);
    return failure;
  }

  /** A POST to dev mode's mock event server: Lambda's error shape, as HTTP 500. */
  static Failure devMode(int port, byte[] request) throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(500, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    return lambdaError((JsonObject) CODEC.decode(response.body()));
  }

  /** An HTTP API (payload 2.0) event with a JWT claim and the request as base64 body. */
  static JsonObject httpApi(byte[] body, String tenant) {
    return JsonObject.builder()
        .put("version", "2.0")
        .put("routeKey", "POST /runpacks")
        .put("rawPath", "/runpacks")
        .put(
            "requestContext",
            JsonObject.builder()
                .put("requestId", "front-ends-http")
                .put(
                    "authorizer",
                    JsonObject.builder()
                        .put("jwt", JsonObject.builder().put("claims", claims(tenant)).build())
                        .build())
                .build())
        .put("body", Base64.getEncoder().encodeToString(body))
        .put("isBase64Encoded", true)
        .build();
  }

  /** A REST API (payload 1.0) event with Cognito claims and the request as base64 body. */
  static JsonObject restApi(byte[] body, String tenant) {
    return JsonObject.builder()
        .put("resource", "/runpacks")
        .put("path", "/runpacks")
        .put("httpMethod", "POST")
        .put(
            "requestContext",
            JsonObject.builder()
                .put("requestId", "front-ends-rest")
                .put("authorizer", JsonObject.builder().put("claims", claims(tenant)).build())
                .build())
        .put("body", Base64.getEncoder().encodeToString(body))
        .put("isBase64Encoded", true)
        .build();
  }

  /**
   * The tenant an API caller of this request would be authorized for: its own {@code tenant_id}
   * when it has a usable one, else tenant 1. (Refusing other tenants is the tenant check's job, not
   * what this comparison is about.)
   */
  static String tenantOf(byte[] request) {
    try {
      if (CODEC.decode(request) instanceof JsonObject object
          && object.get("tenant_id").orElse(null) instanceof JsonNumber number
          && number.isIntegerLiteral()
          && number.lexeme().matches("[1-9][0-9]{0,19}")) {
        Long.parseUnsignedLong(number.lexeme()); // an authorizer vouches only for tenant ids
        return number.lexeme();
      }
    } catch (RuntimeException notJsonOrNotATenantId) {
      // a malformed request: any authorized tenant will do
    }
    return "1";
  }

  /** Starts dev mode as the README documents it, against the local stack, on {@code port}. */
  static Process startDevMode(
      Path repository, int port, String table, String bucket, LocalAwsStack stack, Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            repository.resolve("mvnw").toString(),
            "-B",
            "-pl",
            "function",
            "-am",
            "quarkus:dev",
            "-Dquarkus.profile=dev,local",
            "-Ddebug=false",
            "-Dquarkus.console.enabled=false",
            "-Djvm.args=-Dquarkus.lambda.mock-event-server.dev-port="
                + port
                + " -D%local.runpack.table="
                + table
                + " -D%local.runpack.bucket="
                + bucket));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(repository.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(awsEnvironment(stack));
    return builder.start();
  }

  private static JsonObject claims(String tenant) {
    return JsonObject.builder().put("tenant_id", tenant).put("sub", "front-ends").build();
  }

  private static Failure lambdaError(JsonObject error) {
    String type = ((JsonString) error.get("errorType").orElseThrow()).value();
    String text = ((JsonString) error.get("errorMessage").orElseThrow()).value();
    int colon = text.indexOf(": ");
    Failure failure = new Failure(text.substring(0, colon), text.substring(colon + 2));
    assertEquals(code(failure.code()).lambdaErrorType(), type, "the error type of " + failure);
    return failure;
  }

  private static Failure envelope(JsonValue value) {
    JsonObject error = (JsonObject) ((JsonObject) value).get("error").orElseThrow();
    return new Failure(
        ((JsonString) error.get("code").orElseThrow()).value(),
        ((JsonString) error.get("message").orElseThrow()).value());
  }

  private static ErrorCode code(String wireName) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.wireName().equals(wireName)) {
        return code;
      }
    }
    throw new AssertionError("not an error code: " + wireName);
  }
}
