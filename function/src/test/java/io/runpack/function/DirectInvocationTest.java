package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonObject;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Direct invocation (Step Functions, SDK, CLI): the event is the runpack_export input, the result
 * the tool output. The reference runs, imported into DynamoDB, export to Decision Gate's bytes in
 * S3.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class DirectInvocationTest {

  static final List<String> LABELS = Fixtures.LABELS;

  @BeforeAll
  static void importRuns() {
    FunctionTestSupport.importReferenceRuns();
  }

  @ParameterizedTest
  @FieldSource("LABELS")
  void exportsTheReferenceRunToTheReferenceObjects(String label) {
    Response response = FunctionTestSupport.invoke(Fixtures.read(Fixtures.request(label)));

    assertEquals(200, response.statusCode(), response.asString());
    JsonObject output = (JsonObject) FunctionTestSupport.CODEC.decode(response.asByteArray());
    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(label));
    assertArrayEquals(
        expected.get("manifest.json"), CanonicalJson.toBytes(output.get("manifest").orElseThrow()));
    assertEquals(
        "{\"checked_files\":7,\"errors\":[],\"status\":\"pass\"}",
        new String(
            CanonicalJson.toBytes(output.get("report").orElseThrow()), StandardCharsets.UTF_8));
    String uri = ((io.runpack.json.JsonString) output.get("storage_uri").orElseThrow()).value();
    String prefix = uri.substring(("s3://" + LocalAwsResource.BUCKET + "/").length());
    Map<String, byte[]> written = FunctionTestSupport.objects(prefix);
    assertEquals(expected.keySet(), written.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, written.get(path), path));
  }

  @Test
  void outputMatchesTheToolsOutputSchema() throws IOException {
    Response response =
        FunctionTestSupport.invoke(Fixtures.read(Fixtures.request("golden_visibility_packet")));

    assertEquals(200, response.statusCode());
    Schema schema;
    try (InputStream in =
        getClass().getResourceAsStream("/schema/runpack_export.output.schema.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    }
    assertEquals(List.of(), schema.validate(new ObjectMapper().readTree(response.asByteArray())));
  }
}
