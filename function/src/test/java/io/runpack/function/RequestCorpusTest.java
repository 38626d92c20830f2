package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of malformed runpack_export requests (corpus/requests, written by corpus/generate.py),
 * each sent to the Lambda function as a direct invocation through the mock event server: each must
 * fail with its Lambda error type and message, and none may write a thing.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class RequestCorpusTest {

  static final Path CORPUS =
      Path.of(System.getProperty("test.corpus.dir", "../corpus")).resolve("requests");
  static int objectsBefore;

  static Stream<Arguments> cases() throws IOException {
    List<String> lines =
        Files.readAllLines(CORPUS.resolve("expectations.tsv"), StandardCharsets.UTF_8);
    assertTrue(lines.size() > 200, "at least 200 malformed requests: " + lines.size());
    return lines.stream()
        .filter(l -> !l.startsWith("#"))
        .map(
            l -> {
              String[] columns = l.split("\t", 3);
              String prefix =
                  ((io.runpack.json.JsonString)
                          FunctionTestSupport.CODEC.decode(
                              columns[2].getBytes(StandardCharsets.UTF_8)))
                      .value();
              return Arguments.of(columns[0], columns[1], prefix);
            });
  }

  @BeforeAll
  static void importRuns() {
    FunctionTestSupport.importReferenceRuns();
    objectsBefore = FunctionTestSupport.objectCount();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void malformedRequestFailsAsExpected(String name, String errorType, String messagePrefix) {
    byte[] request = read(CORPUS.resolve(name + ".req"));

    Response response = FunctionTestSupport.invoke(request);

    assertEquals(500, response.statusCode(), response.asString());
    assertEquals(errorType, response.jsonPath().getString("errorType"), response.asString());
    String message = response.jsonPath().getString("errorMessage");
    assertTrue(
        message.startsWith(messagePrefix),
        "expected a message starting with «" + messagePrefix + "», got «" + message + "»");
  }

  @AfterAll
  static void nothingWasWritten() {
    assertEquals(
        objectsBefore, FunctionTestSupport.objectCount(), "no malformed request wrote an object");
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
