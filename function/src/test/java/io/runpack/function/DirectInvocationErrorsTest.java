package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bad input to a direct invocation: a Lambda error whose errorType names the failure (what Step
 * Functions Retry/Catch match), a message saying what is wrong, no stack trace, nothing written.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsResource.class)
class DirectInvocationErrorsTest {

  static final String VALID =
      new String(Fixtures.read(Fixtures.request("golden_time_after_pass")), StandardCharsets.UTF_8);

  @BeforeAll
  static void importRuns() {
    FunctionTestSupport.importReferenceRuns();
    FunctionTestSupport.importRunWithCorruptedSpec(
        "golden_time_after_pass", "run-spec-changed-direct");
  }

  @Test
  void malformedJsonIsInvalidJson() {
    assertFails(
        "{\"tenant_id\":", "runpack.InvalidJson", "invalid_json: Unexpected end of the JSON text");
  }

  @Test
  void duplicateKeysAreInvalidJson() {
    assertFails(
        VALID.replace("\"tenant_id\": 1", "\"tenant_id\": 1, \"tenant_id\": 2"),
        "runpack.InvalidJson",
        "invalid_json: duplicate key \"tenant_id\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "scenario_id",
        "tenant_id",
        "namespace_id",
        "run_id",
        "generated_at",
        "include_verification"
      })
  void eachMissingRequiredFieldIsNamed(String field) {
    String request = without(VALID, field);

    assertFails(
        request,
        "runpack.InvalidRequest",
        "invalid_request: request does not match the runpack_export input schema: $: required property '"
            + field
            + "' not found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"extra", "tenantId", "security", "storage_uri"})
  void eachExtraFieldIsNamed(String field) {
    assertFails(
        VALID.replace("\"tenant_id\": 1", "\"tenant_id\": 1, \"" + field + "\": true"),
        "runpack.InvalidRequest",
        "invalid_request: request does not match the runpack_export input schema: $: property '"
            + field
            + "' is not defined in the schema and the schema does not allow additional properties");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"tenant_id\": 1|\"tenant_id\": \"1\"|$.tenant_id: string found, integer expected",
        "\"include_verification\": true|\"include_verification\": \"yes\"|$.include_verification: string found, boolean expected",
        "\"run_id\": \"run-1\"|\"run_id\": 1|$.run_id: integer found, string expected",
        "\"tenant_id\": 1|\"tenant_id\": 0|$.tenant_id: must have a minimum value of 1",
        "\"tenant_id\": 1|\"tenant_id\": -4|$.tenant_id: must have a minimum value of 1",
        "\"namespace_id\": 1|\"namespace_id\": 0|$.namespace_id: must have a minimum value of 1",
        "\"kind\": \"logical\"|\"kind\": \"wall_clock\"|$.generated_at: must be valid to one and only one schema",
        "\"value\": 10|\"value\": -1|$.generated_at: must be valid to one and only one schema",
      })
  void wrongTypesAndValuesAreNamed(String from, String to, String violation) {
    String request = VALID.replace(from, to);
    assertTrue(!request.equals(VALID));

    Response response = FunctionTestSupport.invoke(request);

    assertEquals(500, response.statusCode());
    assertEquals("runpack.InvalidRequest", response.jsonPath().getString("errorType"));
    assertTrue(
        response.jsonPath().getString("errorMessage").contains(violation), response.asString());
  }

  @Test
  void manyViolationsAreCountedNotAllSpelledOut() {
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      members.append(", \"x").append(i).append("\": 1");
    }
    String request = VALID.replace("\"tenant_id\": 1", "\"tenant_id\": 1" + members);

    Response response = FunctionTestSupport.invoke(request);

    assertEquals("runpack.InvalidRequest", response.jsonPath().getString("errorType"));
    String message = response.jsonPath().getString("errorMessage");
    assertTrue(message.length() < 2_000, message.length() + " characters");
    assertTrue(
        message.startsWith(
            "invalid_request: request does not match the runpack_export input schema: $: property"
                + " 'x0' is not defined"),
        message);
    assertTrue(message.endsWith("; and 2990 more"), message);
  }

  @ParameterizedTest
  @ValueSource(ints = {20_000, 60_000})
  void aViolationNamingAHugeMemberIsCut(int length) {
    String name = "y".repeat(length); // 60,000: past Jackson's own limit on names, not Runpack's
    String request = VALID.replace("\"tenant_id\": 1", "\"tenant_id\": 1, \"" + name + "\": 1");

    String message = FunctionTestSupport.invoke(request).jsonPath().getString("errorMessage");

    assertTrue(message.length() < 400, message.length() + " characters");
    assertTrue(message.endsWith("yyy…"), message);
  }

  @Test
  void traversalInTheManifestNameIsRefused() {
    assertFails(
        VALID.replace("\"manifest.json\"", "\"../../manifest.json\""),
        "runpack.InvalidRequest",
        "invalid_request: invalid runpack path \"../../manifest.json\": has a \"..\" component");
  }

  @Test
  void integersWrittenAsDecimalsAreRefused() {
    assertFails(
        VALID.replace("\"tenant_id\": 1", "\"tenant_id\": 1.0"),
        "runpack.InvalidRequest",
        "invalid_request: request.tenant_id must be an integer, not number 1.0");
  }

  @Test
  void oversizedEventIsLimitExceeded() {
    String padded =
        VALID.replace("\"run_id\": \"run-1\"", "\"run_id\": \"" + "r".repeat(300_000) + "\"");

    Response response = FunctionTestSupport.invoke(padded);

    assertEquals(500, response.statusCode());
    assertEquals("runpack.LimitExceeded", response.jsonPath().getString("errorType"));
    assertTrue(
        response.jsonPath().getString("errorMessage").contains("exceeds the limit of 65536"),
        response.asString());
  }

  @Test
  void unknownRunIsRunNotFound() {
    assertFails(
        VALID.replace("\"run-1\"", "\"run-404\""),
        "runpack.RunNotFound",
        "run_not_found: no run for tenant 1, namespace 1, run run-404 in table "
            + LocalAwsResource.TABLE
            + " (pk TENANT#1#NAMESPACE#1#RUN#run-404)");
  }

  @Test
  void wrongScenarioIsRunNotFound() {
    assertFails(
        VALID.replace("\"golden-time-after\"", "\"other-scenario\""),
        "runpack.RunNotFound",
        "run_not_found: no run tenant 1, namespace 1, run run-1 in scenario other-scenario"
            + " (that run belongs to scenario golden-time-after)");
  }

  @Test
  void specHashMismatchIsSpecHashMismatch() {
    Response response =
        FunctionTestSupport.invoke(
            VALID
                .replace("\"run-1\"", "\"run-spec-changed-direct\"")
                .replace("\"golden-time-after\"", "\"golden-time-after-corrupt\""));

    assertEquals(500, response.statusCode());
    assertEquals("runpack.SpecHashMismatch", response.jsonPath().getString("errorType"));
    assertTrue(
        response
            .jsonPath()
            .getString("errorMessage")
            .startsWith("spec_hash_mismatch: run state spec hash mismatch"));
  }

  @Test
  void runItemWhoseStateHoldsALogIsInvalidRunDataNamingTheItemAndTheLog() {
    String runId = "run-state-holds-a-log";
    FunctionTestSupport.importRun(
        new String(
                Fixtures.read(Fixtures.runBundle("golden_time_after_pass")), StandardCharsets.UTF_8)
            .replace("\"run-1\"", "\"" + runId + "\"")
            .getBytes(StandardCharsets.UTF_8));
    String pk = "TENANT#1#NAMESPACE#1#RUN#" + runId;
    Map<String, AttributeValue> key =
        Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("RUN"));
    Map<String, AttributeValue> item =
        new HashMap<>(
            FunctionTestSupport.DYNAMO_DB
                .getItem(r -> r.tableName(LocalAwsResource.TABLE).key(key))
                .item());
    item.put(
        "state", AttributeValue.fromS("{\"triggers\":[]," + item.get("state").s().substring(1)));
    FunctionTestSupport.DYNAMO_DB.putItem(r -> r.tableName(LocalAwsResource.TABLE).item(item));

    assertFails(
        VALID.replace("\"run-1\"", "\"" + runId + "\""),
        "runpack.InvalidRunData",
        "invalid_run_data: corrupt item in table "
            + LocalAwsResource.TABLE
            + " (pk "
            + pk
            + ", sk RUN): state holds the log triggers, whose records the table keeps as items of"
            + " their own");
  }

  @Test
  void errorsCarryNoStackTrace() {
    Response response = FunctionTestSupport.invoke("[]");

    assertEquals(500, response.statusCode());
    assertEquals(
        java.util.Set.of("errorType", "errorMessage"), response.jsonPath().getMap("").keySet());
    assertTrue(
        !response.asString().contains("\tat ") && !response.asString().contains("Exception"),
        response.asString());
  }

  private static void assertFails(String request, String errorType, String message) {
    int before = FunctionTestSupport.objectCount();

    Response response = FunctionTestSupport.invoke(request);

    assertEquals(500, response.statusCode(), response.asString());
    assertEquals(errorType, response.jsonPath().getString("errorType"), response.asString());
    assertTrue(
        response.jsonPath().getString("errorMessage").startsWith(message), response.asString());
    assertEquals(before, FunctionTestSupport.objectCount(), "nothing written");
  }

  private static String without(String request, String field) {
    io.runpack.json.JsonObject.Builder rest = io.runpack.json.JsonObject.builder();
    ((io.runpack.json.JsonObject)
            FunctionTestSupport.CODEC.decode(request.getBytes(StandardCharsets.UTF_8)))
        .members()
        .forEach(
            (key, value) -> {
              if (!key.equals(field)) {
                rest.put(key, value);
              }
            });
    return new String(io.runpack.json.CanonicalJson.toBytes(rest.build()), StandardCharsets.UTF_8);
  }
}
