package io.runpack.adapters.filesystem;

import static io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck.SAME_BYTES_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportSettings;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * FORMAT §4 on disk: no write lands outside the output directory, whatever the manifest name or the
 * links inside the directory, and a refused export writes nothing at all.
 */
class FileSystemExportSafetyTest {

  private static final String LABEL = "golden_time_after_pass";

  @TempDir Path temp;
  LocalRunpack local;
  Path out;

  @BeforeEach
  void storeRun() throws IOException {
    local = new LocalRunpack(temp.resolve("store"), ExportSettings.NONE);
    local.putBundle(Fixtures.read(Fixtures.runBundle(LABEL)));
    out = Files.createDirectories(temp.resolve("work")).resolve("out");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../x.json", "a/../../x.json", "/tmp/x.json", "a\\b.json", "..", "a//b", ""})
  void manifestNamesThatCouldEscapeAreRefusedAndNothingIsWritten(String name) {
    RunpackException e = assertThrows(RunpackException.class, () -> export(name));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertTrue(e.getMessage().startsWith("invalid runpack path"), e.getMessage());
    assertEquals(Map.of(), Fixtures.readTree(temp.resolve("work")));
  }

  @Test
  void overlongManifestNamesAreRefused() {
    RunpackException component =
        assertThrows(RunpackException.class, () -> export("m".repeat(256)));
    assertTrue(
        component.getMessage().endsWith("has a component longer than 255 bytes"),
        component.getMessage());

    RunpackException path =
        assertThrows(RunpackException.class, () -> export(("d".repeat(250) + "/").repeat(17)));
    assertTrue(path.getMessage().endsWith("longer than 4096 bytes"), path.getMessage());
    assertEquals(Map.of(), Fixtures.readTree(temp.resolve("work")));
  }

  @Test
  void manifestNameThatWouldOverwriteAnArtifactIsRefused() {
    RunpackException e =
        assertThrows(RunpackException.class, () -> export("artifacts/triggers.json"));

    assertEquals(
        "manifest_name artifacts/triggers.json collides with artifact artifacts/triggers.json",
        e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void nestedManifestNameIsWrittenInItsDirectory() {
    export("manifests/run-1.json");

    assertTrue(Files.isRegularFile(out.resolve("manifests/run-1.json")));
    assertEquals("pass", LocalRunpack.verify(out, "manifests/run-1.json").status());
  }

  @Test
  void symbolicLinkInsideTheOutputDirectoryPointingOutsideIsAConflictAndNeverFollowed()
      throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve("artifacts"), outside);

    RunpackException e = assertThrows(RunpackException.class, () -> export("manifest.json"));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(
        "output_dir "
            + out.toRealPath()
            + " already holds something else, left untouched: artifacts is not a directory",
        e.getMessage());
    assertEquals(Map.of(), Fixtures.readTree(outside));
    assertFalse(Files.exists(out.resolve("manifest.json")));
  }

  @Test
  void symbolicLinkAsTheManifestPointingOutsideIsRefusedBeforeAnyWrite() throws IOException {
    Path victim = Files.writeString(temp.resolve("victim.txt"), "keep");
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve("manifest.json"), victim);

    assertThrows(RunpackException.class, () -> export("manifest.json"));

    assertEquals("keep", Files.readString(victim));
    assertFalse(Files.exists(out.resolve("artifacts")), "no artifact written before the refusal");
  }

  @Test
  void directoryInTheWayOfAFileIsAConflictBeforeAnyWrite() throws IOException {
    Files.createDirectories(out.resolve("manifest.json"));

    RunpackException e = assertThrows(RunpackException.class, () -> export("manifest.json"));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertTrue(e.getMessage().endsWith(": artifacts/decisions.json is missing"), e.getMessage());
    assertFalse(Files.exists(out.resolve("artifacts")));
  }

  @Test
  void missingOutputDirectoryIsRefused() {
    ExportRunpackCommand command =
        ExportRunpackCommand.fromJson(LocalRunpack.json(Fixtures.read(Fixtures.request(LABEL))));

    RunpackException e = assertThrows(RunpackException.class, () -> local.export(command));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals("output_dir is required for filesystem export", e.getMessage());
  }

  @Test
  void outputDirectoryOutsideTheConfiguredBaseIsRefused() {
    FileSystemRunpackStorage storage =
        new FileSystemRunpackStorage(Optional.of(temp.resolve("base")));
    RunpackFile manifest = RunpackFile.of("manifest.json", new byte[] {'{', '}'});
    for (String dir :
        List.of("../elsewhere", temp.resolve("elsewhere").toString(), "a/../../elsewhere")) {
      RunpackException e =
          assertThrows(
              RunpackException.class,
              () -> storage.publish(target(dir), List.of(), manifest, SAME_BYTES_ONLY));
      assertEquals(ErrorCode.INVALID_REQUEST, e.code());
      assertTrue(e.getMessage().startsWith("output_dir must lie inside "), e.getMessage());
    }
    assertFalse(Files.exists(temp.resolve("elsewhere")));
    storage.publish(target("inside/run"), List.of(), manifest, SAME_BYTES_ONLY);
    assertTrue(Files.isRegularFile(temp.resolve("base/inside/run/manifest.json")));
  }

  @Test
  void fileInTheWayOfADirectoryIsAConflictBeforeAnyWrite() throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("artifacts"), "not a directory");

    RunpackException e = assertThrows(RunpackException.class, () -> export("manifest.json"));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertTrue(e.getMessage().endsWith(": artifacts is not a directory"), e.getMessage());
    assertEquals(List.of("artifacts"), List.copyOf(Fixtures.readTree(out).keySet()));
  }

  @Test
  void failedWriteRemovesWhatTheExportCreated() throws IOException {
    // The second file needs a directory where the first one was just written: a failure that
    // only shows mid-way, as a full disk or a concurrent writer would.
    FileSystemRunpackStorage storage = new FileSystemRunpackStorage(Optional.empty());
    Path dir = temp.resolve("partial");
    RunpackFile first = RunpackFile.of("artifacts/a.json", new byte[] {'1'});
    RunpackFile second = RunpackFile.of("artifacts/a.json/b.json", new byte[] {'2'});
    RunpackFile manifest = RunpackFile.of("manifest.json", new byte[] {'3'});

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                storage.publish(
                    target(dir.toString()), List.of(first, second), manifest, SAME_BYTES_ONLY));

    assertEquals(ErrorCode.STORAGE_ERROR, e.code());
    assertFalse(Files.exists(dir), "every file and directory the export created is removed");
    try (var entries = Files.list(temp)) {
      assertEquals(
          List.of(), entries.filter(p -> p.getFileName().toString().startsWith(".")).toList());
    }
  }

  @Test
  void directoryHoldingOtherFilesIsAConflictAndKeepsThem() throws IOException {
    FileSystemRunpackStorage storage = new FileSystemRunpackStorage(Optional.empty());
    Path dir = Files.createDirectories(temp.resolve("existing"));
    Files.writeString(dir.resolve("notes.txt"), "mine");
    RunpackFile first = RunpackFile.of("artifacts/a.json", new byte[] {'1'});
    RunpackFile second = RunpackFile.of("artifacts/a.json/b.json", new byte[] {'2'});

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                storage.publish(
                    target(dir.toString()),
                    List.of(first, second),
                    RunpackFile.of("m.json", new byte[0]),
                    SAME_BYTES_ONLY));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(
        Map.of("notes.txt", "mine"),
        Map.of("notes.txt", Files.readString(dir.resolve("notes.txt"))));
    assertEquals(List.of("notes.txt"), List.copyOf(Fixtures.readTree(dir).keySet()));
    assertFalse(Files.exists(dir.resolve("artifacts")));
  }

  private void export(String manifestName) {
    ExportRunpackCommand request = LocalRunpack.request(Fixtures.request(LABEL), out);
    local.export(
        new ExportRunpackCommand(
            request.tenantId(),
            request.namespaceId(),
            request.scenarioId(),
            request.runId(),
            request.generatedAt(),
            request.includeVerification(),
            RunpackPath.of(manifestName),
            request.outputDir()));
  }

  private static RunpackTarget target(String outputDir) {
    return new RunpackTarget(1, 1, "s", "r", Sha256.of(new byte[0]), Optional.of(outputDir));
  }
}
