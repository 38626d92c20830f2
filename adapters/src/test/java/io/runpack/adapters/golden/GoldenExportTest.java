package io.runpack.adapters.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportSettings;
import io.runpack.json.CanonicalJson;
import io.runpack.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cross-implementation check: exporting each reference run through the filesystem store and
 * storage writes exactly Decision Gate's runpack, every file, byte for byte.
 */
class GoldenExportTest {

  static List<String> labels() {
    return Fixtures.LABELS;
  }

  private static final ExportSettings DG_SETTINGS =
      new ExportSettings(Optional.of(Fixtures.DG_SECURITY), Optional.empty());

  @ParameterizedTest
  @MethodSource("labels")
  void exportWritesTheReferenceRunpackByteForByte(String label, @TempDir Path temp) {
    export(label, temp, temp.resolve("out"));

    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(label));
    Map<String, byte[]> actual = Fixtures.readTree(temp.resolve("out"));
    assertEquals(expected.keySet(), actual.keySet(), "the same files");
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }

  @ParameterizedTest
  @MethodSource("labels")
  void exportReturnsTheWrittenManifestAndAReportCountingSevenFiles(
      String label, @TempDir Path temp) {
    ExportResult result = export(label, temp, temp.resolve("out"));

    assertArrayEquals(
        Fixtures.read(Fixtures.golden(label).resolve("manifest.json")),
        CanonicalJson.toBytes(result.manifest().toJson()));
    assertTrue(result.report().isPresent());
    assertEquals(7, result.report().get().checkedFiles());
    assertEquals("pass", result.report().get().status());
    assertEquals(Optional.empty(), result.storageUri());
    assertEquals(
        "{\"checked_files\":7,\"errors\":[],\"status\":\"pass\"}",
        new String(
            CanonicalJson.toBytes(result.report().get().toJson()),
            java.nio.charset.StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("labels")
  void exportingTwiceGivesTheSameBytes(String label, @TempDir Path temp) {
    ExportResult first = export(label, temp, temp.resolve("first"));
    ExportResult again = export(label, temp, temp.resolve("first")); // over the existing runpack
    ExportResult elsewhere = export(label, temp, temp.resolve("second"));

    Map<String, byte[]> firstFiles = Fixtures.readTree(temp.resolve("first"));
    Map<String, byte[]> secondFiles = Fixtures.readTree(temp.resolve("second"));
    assertEquals(firstFiles.keySet(), secondFiles.keySet());
    firstFiles.forEach((path, bytes) -> assertArrayEquals(bytes, secondFiles.get(path), path));
    assertEquals(first.toJson(), again.toJson());
    assertEquals(first.toJson(), elsewhere.toJson());
  }

  @ParameterizedTest
  @MethodSource("labels")
  void exportFromTheReferenceStoreLayoutGivesTheSameRunpack(String label, @TempDir Path temp) {
    LocalRunpack fromStore = new LocalRunpack(Fixtures.root().resolve("store"), DG_SETTINGS);
    fromStore.export(LocalRunpack.request(Fixtures.request(label), temp.resolve("out")));

    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(label));
    Map<String, byte[]> actual = Fixtures.readTree(temp.resolve("out"));
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }

  @ParameterizedTest
  @MethodSource("labels")
  void exportWithoutVerificationWritesTheSevenArtifactsAndNoReport(
      String label, @TempDir Path temp) {
    LocalRunpack local = new LocalRunpack(temp.resolve("store"), DG_SETTINGS);
    local.putBundle(Fixtures.read(Fixtures.runBundle(label)));
    ExportRunpackCommand request =
        LocalRunpack.request(Fixtures.request(label), temp.resolve("out"));
    ExportResult result =
        local.export(
            new ExportRunpackCommand(
                request.tenantId(),
                request.namespaceId(),
                request.scenarioId(),
                request.runId(),
                request.generatedAt(),
                false,
                request.manifestName(),
                request.outputDir()));

    assertEquals(Optional.empty(), result.report());
    assertEquals(7, result.manifest().artifacts().size());
    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(label));
    Map<String, byte[]> actual = Fixtures.readTree(temp.resolve("out"));
    expected.remove("manifest.json");
    expected.remove("artifacts/verifier_report.json");
    actual.remove("manifest.json");
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    VerificationReport offline = LocalRunpack.verify(temp.resolve("out"));
    assertEquals(List.of(), offline.errors());
    assertEquals(7, offline.checkedFiles());
  }

  private static ExportResult export(String label, Path temp, Path out) {
    LocalRunpack local = new LocalRunpack(temp.resolve("store"), DG_SETTINGS);
    local.putBundle(Fixtures.read(Fixtures.runBundle(label)));
    return local.export(LocalRunpack.request(Fixtures.request(label), out));
  }
}
