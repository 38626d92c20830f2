package io.runpack.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, findings 2 and 3: an export never modifies an existing runpack. The output directory
 * becomes the runpack if it is missing or empty, is left as it is if it already holds this exact
 * runpack, and is a conflict naming the first difference otherwise, nothing touched; {@code
 * REPLACE} swaps a runpack whole.
 */
class DirectoryCommitTest {

  static final String LABEL = "golden_time_after_pass";
  static final String OTHER = "golden_visibility_packet";

  @TempDir Path temp;
  Path store;
  Path out;

  @BeforeEach
  void storeRuns() throws IOException {
    store = temp.resolve("store");
    LocalRunpack local = new LocalRunpack(store, ExportSettings.NONE);
    Fixtures.LABELS.forEach(label -> local.putBundle(Fixtures.read(Fixtures.runBundle(label))));
    out = Files.createDirectories(temp.resolve("work")).resolve("out");
  }

  @Test
  void missingOrEmptyDirectoryBecomesTheRunpack() throws IOException {
    export(request(LABEL));
    Files.createDirectories(temp.resolve("work/empty"));
    Path empty = out;
    out = temp.resolve("work/empty");
    export(request(LABEL));

    assertEquals(files(empty).keySet(), files(out).keySet());
    assertEquals("pass", LocalRunpack.verify(out).status());
    assertEquals(List.of("empty", "out"), entries(temp.resolve("work")), "no staging left");
  }

  @Test
  void reExportOfTheSameRunpackSucceedsWithoutWritingAnything() throws IOException {
    export(request(LABEL));
    Map<String, Object> identities = identities(out);

    export(request(LABEL));

    assertEquals(identities, identities(out), "same files, same inodes, same modification times");
    assertEquals(List.of("out"), entries(temp.resolve("work")));
  }

  @Test
  void exportOfAnotherRunIntoAnExistingRunpackIsAConflictAndTouchesNothing() throws IOException {
    export(request(LABEL));
    Map<String, Object> identities = identities(out);
    Map<String, byte[]> before = files(out);

    RunpackException e = assertThrows(RunpackException.class, () -> export(request(OTHER)));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(
        "output_dir "
            + out.toRealPath()
            + " already holds something else, left untouched:"
            + " artifacts/decisions.json holds different bytes",
        e.getMessage());
    assertEquals(identities, identities(out));
    assertTreesEqual(before, files(out));
    assertEquals(List.of("out"), entries(temp.resolve("work")));
  }

  @Test
  void exportWithoutVerificationIsAConflictRatherThanAStaleReport() throws IOException {
    export(request(LABEL));

    RunpackException e =
        assertThrows(RunpackException.class, () -> export(withVerification(request(LABEL), false)));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertTrue(
        e.getMessage().endsWith(": artifacts/verifier_report.json is not part of this runpack"),
        e.getMessage());
  }

  @Test
  void anotherManifestNameIsAConflictRatherThanASecondManifest() {
    export(request(LABEL));

    RunpackException e =
        assertThrows(RunpackException.class, () -> export(withManifest(request(LABEL), "m2.json")));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertTrue(e.getMessage().endsWith(": m2.json is missing"), e.getMessage());
  }

  @Test
  void replaceSwapsTheWholeRunpackAndLeavesNoOldCopy() {
    export(request(LABEL));

    exportReplacing(withVerification(withManifest(request(LABEL), "m2.json"), false));

    assertEquals(
        List.of(
            "artifacts/decisions.json",
            "artifacts/gate_evals.json",
            "artifacts/packets.json",
            "artifacts/scenario_spec.json",
            "artifacts/submissions.json",
            "artifacts/tool_calls.json",
            "artifacts/triggers.json",
            "m2.json"),
        List.copyOf(files(out).keySet()));
    assertEquals("pass", LocalRunpack.verify(out, "m2.json").status());
    assertEquals(List.of("out"), entries(temp.resolve("work")));
  }

  @Test
  void replaceRefusesADirectoryThatIsNotARunpack() throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "mine");

    RunpackException e =
        assertThrows(RunpackException.class, () -> exportReplacing(request(LABEL)));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(
        "output_dir "
            + out.toRealPath()
            + " is not replaced: only a runpack is replaced, and notes.txt is not a JSON file of a"
            + " runpack",
        e.getMessage());
    assertEquals(List.of("notes.txt"), List.copyOf(files(out).keySet()));
    assertEquals(List.of("out"), entries(temp.resolve("work")));
  }

  @Test
  void aTargetThatIsAFileIsAConflictEvenWhenReplacing() throws IOException {
    Files.writeString(out, "a file");

    RunpackException e =
        assertThrows(RunpackException.class, () -> exportReplacing(request(LABEL)));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertTrue(e.getMessage().endsWith(" already exists and is not a directory"), e.getMessage());
    assertEquals("a file", Files.readString(out));
  }

  ExportRunpackCommand request(String label) {
    return LocalRunpack.request(Fixtures.request(label), out);
  }

  void export(ExportRunpackCommand command) {
    exportWith(new FileSystemRunpackStorage(Optional.empty()), command);
  }

  void exportReplacing(ExportRunpackCommand command) {
    exportWith(
        new FileSystemRunpackStorage(
            Optional.empty(), ExistingRunpack.REPLACE, List.of(), () -> {}),
        command);
  }

  void exportWith(FileSystemRunpackStorage storage, ExportRunpackCommand command) {
    new ExportRunpackService(
            new io.runpack.adapters.filesystem.FileSystemRunStore(store, LocalRunpack.CODEC),
            storage,
            LocalRunpack.CODEC,
            ExportSettings.NONE)
        .export(command);
  }

  static ExportRunpackCommand withVerification(ExportRunpackCommand c, boolean verify) {
    return new ExportRunpackCommand(
        c.tenantId(),
        c.namespaceId(),
        c.scenarioId(),
        c.runId(),
        c.generatedAt(),
        verify,
        c.manifestName(),
        c.outputDir());
  }

  static ExportRunpackCommand withManifest(ExportRunpackCommand c, String name) {
    return new ExportRunpackCommand(
        c.tenantId(),
        c.namespaceId(),
        c.scenarioId(),
        c.runId(),
        c.generatedAt(),
        c.includeVerification(),
        RunpackPath.of(name),
        c.outputDir());
  }

  static Map<String, byte[]> files(Path dir) {
    return Fixtures.readTree(dir);
  }

  /** Each file's inode and modification time: unchanged when nothing was written. */
  static Map<String, Object> identities(Path dir) throws IOException {
    Map<String, Object> identities = new TreeMap<>();
    try (var walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        identities.put(dir.relativize(p).toString(), a.fileKey() + "@" + a.lastModifiedTime());
      }
    }
    return identities;
  }

  static List<String> entries(Path dir) {
    try (var list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void assertTreesEqual(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }
}
