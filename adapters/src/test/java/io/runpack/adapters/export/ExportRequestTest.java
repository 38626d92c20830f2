package io.runpack.adapters.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Timestamp;
import io.runpack.domain.port.in.ExportRunpackCommand;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runpack_export input, read as strictly as its JSON Schema, with a precise message per defect.
 */
class ExportRequestTest {

  private static final String VALID =
      "{\"generated_at\":{\"kind\":\"unix_millis\",\"value\":1710000000000},\"include_verification\":false,"
          + "\"namespace_id\":2,\"run_id\":\"run-0001\",\"scenario_id\":\"example-scenario\",\"tenant_id\":1}";

  @Test
  void readsAMinimalRequestWithDefaults() {
    ExportRunpackCommand command = ExportRunpackCommand.fromJson(LocalRunpack.json(VALID));

    assertEquals(1, command.tenantId());
    assertEquals(2, command.namespaceId());
    assertEquals("example-scenario", command.scenarioId());
    assertEquals("run-0001", command.runId());
    assertEquals(Timestamp.unixMillis(1710000000000L), command.generatedAt());
    assertEquals(false, command.includeVerification());
    assertEquals("manifest.json", command.manifestName().value());
    assertEquals(Optional.empty(), command.outputDir());
  }

  @Test
  void readsOptionalMembersAndTheFullUnsignedRange() {
    ExportRunpackCommand command =
        ExportRunpackCommand.fromJson(
            LocalRunpack.json(
                VALID
                    .replace(
                        "\"tenant_id\":1}",
                        "\"tenant_id\":18446744073709551615,\"manifest_name\":\"m/run.json\",\"output_dir\":\"/tmp/out\"}")
                    .replace(
                        "\"unix_millis\",\"value\":1710000000000",
                        "\"logical\",\"value\":18446744073709551615")));

    assertEquals("18446744073709551615", Long.toUnsignedString(command.tenantId()));
    assertEquals(Timestamp.logical(-1L), command.generatedAt());
    assertEquals("m/run.json", command.manifestName().value());
    assertEquals(Optional.of("/tmp/out"), command.outputDir());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"tenant_id\":1}|\"tenant_id\":1,\"extra\":true}|request has unknown member \"extra\"",
        ",\"tenant_id\":1}|}|request.tenant_id is missing",
        "\"tenant_id\":1}|\"tenant_id\":0}|request.tenant_id must be at least 1",
        "\"tenant_id\":1}|\"tenant_id\":-1}|request.tenant_id must be an unsigned 64-bit integer, not -1",
        "\"tenant_id\":1}|\"tenant_id\":1.0}|request.tenant_id must be an integer, not number 1.0",
        "\"tenant_id\":1}|\"tenant_id\":\"1\"}|request.tenant_id must be an integer, not string",
        "\"tenant_id\":1}|\"tenant_id\":18446744073709551616}|request.tenant_id must be an unsigned 64-bit integer, not 18446744073709551616",
        "\"namespace_id\":2|\"namespace_id\":null|request.namespace_id must be an integer, not null",
        "\"include_verification\":false|\"include_verification\":\"no\"|request.include_verification must be a boolean, not string",
        "\"kind\":\"unix_millis\"|\"kind\":\"wall\"|request.generated_at.kind must be \"unix_millis\" or \"logical\", not \"wall\"",
        "\"kind\":\"unix_millis\",\"value\":1710000000000|\"kind\":\"logical\",\"value\":-1|request.generated_at.value must be an unsigned 64-bit integer, not -1",
        "\"value\":1710000000000}|\"value\":1710000000000,\"tz\":0}|request.generated_at has unknown member \"tz\"",
        "\"run_id\":\"run-0001\"|\"run_id\":\"../x\"|run_id \"../x\" is not a valid identifier: contains a slash",
        "\"run_id\":\"run-0001\"|\"run_id\":\"..\"|run_id \"..\" is not a valid identifier: has a \"..\" component",
        "\"run_id\":\"run-0001\"|\"run_id\":\"\"|run_id \"\" is not a valid identifier: has an empty component",
        "\"scenario_id\":\"example-scenario\"|\"scenario_id\":\"a\\\\b\"|scenario_id \"a\\b\" is not a valid identifier: contains a backslash",
        "\"tenant_id\":1}|\"tenant_id\":1,\"manifest_name\":\"../m.json\"}|invalid runpack path \"../m.json\": has a \"..\" component",
        "\"tenant_id\":1}|\"tenant_id\":1,\"manifest_name\":7}|request.manifest_name must be a string, not number 7",
        "\"tenant_id\":1}|\"tenant_id\":1,\"output_dir\":false}|request.output_dir must be a string, not boolean",
      })
  void refusesEachDefectWithAPreciseMessage(String from, String to, String message) {
    String request = VALID.replace(from, to);
    assertEquals(false, request.equals(VALID), "the case changes the request");

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> ExportRunpackCommand.fromJson(LocalRunpack.json(request)));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals(message, e.getMessage());
  }

  @Test
  void refusesARequestThatIsNotAnObject() {
    RunpackException e =
        assertThrows(
            RunpackException.class, () -> ExportRunpackCommand.fromJson(LocalRunpack.json("[]")));
    assertEquals("request must be an object, not array", e.getMessage());
  }
}
