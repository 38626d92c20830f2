package io.runpack.domain.verify;

import static io.runpack.domain.verify.Verifications.LIMIT;
import static io.runpack.domain.verify.Verifications.MANIFEST;
import static io.runpack.domain.verify.Verifications.utf8;
import static io.runpack.domain.verify.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.FakeJsonDecoder;
import io.runpack.domain.fake.FakeRunpackReader;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only the manifest is an error rather than a report: a missing, oversized or malformed manifest is
 * {@link ErrorCode#INVALID_MANIFEST}; storage that fails keeps {@link ErrorCode#STORAGE_ERROR} so
 * callers can retry. The manifest is read under the name given, within 16 MiB.
 */
class VerifyRefusesAnUnreadableManifestTest {

  private static final List<String> REQUIRED =
      List.of(
          "manifest_version",
          "generated_at",
          "tenant_id",
          "namespace_id",
          "scenario_id",
          "run_id",
          "spec_hash",
          "hash_algorithm",
          "verifier_mode",
          "integrity",
          "artifacts");

  private static RunpackException refusal(FakeRunpackReader reader) {
    return assertThrows(RunpackException.class, () -> verify(reader));
  }

  private static RunpackException refusal(String manifest) {
    Map<String, byte[]> files = SmallRun.standard().runpack().files();
    files.put(MANIFEST, utf8(manifest));
    return refusal(new FakeRunpackReader(files));
  }

  @Test
  void aMissingManifestIsInvalid() {
    RunpackException error = refusal(new FakeRunpackReader(Map.of()));
    assertEquals(ErrorCode.INVALID_MANIFEST, error.code());
    assertEquals("cannot read manifest manifest.json: no such file", error.getMessage());
  }

  @Test
  void aStorageFailureStaysAStorageError() {
    RunpackException error =
        refusal(
            new FakeRunpackReader(SmallRun.standard().runpack().files())
                .failing(MANIFEST, new RunpackException(ErrorCode.STORAGE_ERROR, "throttled")));
    assertEquals(ErrorCode.STORAGE_ERROR, error.code());
    assertEquals("cannot read manifest manifest.json: throttled", error.getMessage());
  }

  @Test
  void aManifestOver16MiBIsInvalidAndReadWithinTheLimit() {
    FakeRunpackReader reader = new FakeRunpackReader(Map.of(MANIFEST, new byte[LIMIT + 1]));
    RunpackException error = refusal(reader);
    assertEquals(ErrorCode.INVALID_MANIFEST, error.code());
    assertEquals("cannot read manifest manifest.json: over 16777216 bytes", error.getMessage());
    assertEquals(List.of(new FakeRunpackReader.Read(MANIFEST, LIMIT)), reader.reads());
  }

  @Test
  void aManifestThatIsNotJsonIsInvalid() {
    for (String manifest : List.of("", "{", "[]x", "{\"a\":1,\"a\":1}")) {
      RunpackException error = refusal(manifest);
      assertEquals(ErrorCode.INVALID_MANIFEST, error.code(), manifest);
      assertTrue(error.getMessage().startsWith("cannot read manifest manifest.json: "), manifest);
    }
  }

  @Test
  void aManifestWithAnUnknownMemberIsInvalid() {
    String manifest = SmallRun.standard().runpack().manifestText();
    RunpackException error = refusal("{\"extra\":1," + manifest.substring(1));
    assertEquals(ErrorCode.INVALID_MANIFEST, error.code());
    assertEquals("manifest has unknown member \"extra\"", error.getMessage());
  }

  @Test
  void aManifestWithoutARequiredMemberIsInvalid() {
    FakeJsonDecoder decoder = new FakeJsonDecoder();
    for (String member : REQUIRED) {
      JsonObject full =
          (JsonObject) decoder.decode(utf8(SmallRun.standard().runpack().manifestText()));
      JsonObject.Builder without = JsonObject.builder();
      full.members()
          .forEach(
              (k, v) -> {
                if (!k.equals(member)) {
                  without.put(k, v);
                }
              });
      RunpackException error = refusal(Verifications.text(CanonicalJson.toBytes(without.build())));
      assertEquals(ErrorCode.INVALID_MANIFEST, error.code(), member);
    }
  }

  @Test
  void theManifestIsReadUnderTheNameGiven() {
    FakeRunpackReader reader =
        new FakeRunpackReader(SmallRun.standard().runpack().files("audit/runpack.json"));
    VerificationReport report =
        new VerifyRunpackService(new FakeJsonDecoder())
            .verify(new VerifyRunpackCommand(reader, RunpackPath.of("audit/runpack.json")));
    assertEquals(new VerificationReport(7, List.of()), report);
    assertEquals("audit/runpack.json", reader.pathsRead().get(0));
  }
}
