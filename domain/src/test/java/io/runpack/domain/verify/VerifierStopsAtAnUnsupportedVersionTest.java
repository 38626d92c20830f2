package io.runpack.domain.verify;

import static io.runpack.domain.verify.Verifications.MANIFEST;
import static io.runpack.domain.verify.Verifications.utf8;
import static io.runpack.domain.verify.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.fake.FakeJsonDecoder;
import io.runpack.domain.fake.FakeRunpackReader;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.service.RunpackVerifier;
import io.runpack.json.CanonicalJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FORMAT §3.1: a manifest version other than {@code v1} stops verification at once: status fail,
 * checked_files 0, the single error {@code unsupported manifest version: <v>}, nothing else read,
 * whatever the rest of the manifest holds. A manifest without a version is refused.
 */
class VerifierStopsAtAnUnsupportedVersionTest {

  private static final VerificationReport UNSUPPORTED_V2 =
      new VerificationReport(0, List.of("unsupported manifest version: v2"));

  @Test
  void aV2ManifestGetsTheSingleErrorAndNothingElseIsRead() {
    FakeRunpackReader reader =
        new FakeRunpackReader(SmallRun.standard().runpack().version("v2").files());
    VerificationReport report = verify(reader);
    assertEquals(UNSUPPORTED_V2, report);
    assertEquals("fail", report.status());
    assertEquals(
        "{\"checked_files\":0,\"errors\":[\"unsupported manifest version: v2\"],"
            + "\"status\":\"fail\"}",
        Verifications.text(CanonicalJson.toBytes(report.toJson())));
    assertEquals(List.of(MANIFEST), reader.pathsRead());
  }

  @Test
  void theRestOfAnUnsupportedManifestIsNotInterpreted() {
    FakeRunpackReader reader =
        new FakeRunpackReader(
            Map.of(MANIFEST, utf8("{\"manifest_version\":\"v2\",\"integrity\":42,\"x\":[]}")));
    assertEquals(UNSUPPORTED_V2, verify(reader));
    assertEquals(
        new VerificationReport(0, List.of("unsupported manifest version: 1.0")),
        verify(Map.of(MANIFEST, utf8("{\"manifest_version\":\"1.0\"}"))));
  }

  @Test
  void theVerifierGivenAV2ManifestReadsNothing() {
    FakeJsonDecoder decoder = new FakeJsonDecoder();
    Manifest v2 =
        Manifest.fromJson(
            decoder.decode(utf8(SmallRun.standard().runpack().version("v2").manifestText())));
    FakeRunpackReader reader = new FakeRunpackReader(SmallRun.standard().runpack().files());
    assertEquals(UNSUPPORTED_V2, new RunpackVerifier().verify(v2, reader));
    assertEquals(List.of(), reader.reads());
  }

  @Test
  void aManifestWithoutAStringVersionIsRefused() {
    for (String manifest :
        List.of("{\"integrity\":{}}", "{\"manifest_version\":1}", "{\"manifest_version\":null}")) {
      RunpackException error =
          assertThrows(RunpackException.class, () -> verify(Map.of(MANIFEST, utf8(manifest))));
      assertEquals(ErrorCode.INVALID_MANIFEST, error.code(), manifest);
    }
  }
}
