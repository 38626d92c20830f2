package io.runpack.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck;
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
 * Issue 12, finding 6 (write side) and 7 ({@code output_dir}): with an output base, confinement is
 * by real paths, so no symbolic link inside the base leads a write outside it; an {@code
 * output_dir} that cannot be a path is {@code invalid_request}.
 */
class OutputConfinementTest {

  private static final RunpackFile ARTIFACT = RunpackFile.of("artifacts/a.json", new byte[] {'1'});
  private static final RunpackFile MANIFEST =
      RunpackFile.of("manifest.json", new byte[] {'{', '}'});

  @TempDir Path temp;
  Path base;
  Path outside;
  FileSystemRunpackStorage storage;

  @BeforeEach
  void layout() throws IOException {
    base = Files.createDirectories(temp.resolve("base")).toRealPath();
    outside = Files.createDirectories(temp.resolve("outside")).toRealPath();
    Files.createSymbolicLink(base.resolve("evil"), outside);
    storage = new FileSystemRunpackStorage(Optional.of(base));
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil", "evil/run", "evil/a/b", "./evil/run"})
  void linkInsideTheBasePointingOutsideIsRefusedAndNothingIsWrittenOutside(String dir) {
    RunpackException e = assertThrows(RunpackException.class, () -> publish(dir));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals(
        "output_dir must lie inside its base directory: \""
            + dir
            + "\" leads outside it through a symbolic link",
        e.getMessage());
    assertEquals(List.of(), entries(outside));
  }

  @Test
  void absoluteOutputDirThroughTheLinkIsRefusedToo() {
    RunpackException e =
        assertThrows(RunpackException.class, () -> publish(base.resolve("evil/run").toString()));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals(List.of(), entries(outside));
  }

  @Test
  void linkThatStaysInsideTheBaseIsFollowed() throws IOException {
    Path real = Files.createDirectories(base.resolve("real"));
    Files.createSymbolicLink(base.resolve("alias"), real);

    publish("alias/run");

    assertArrayEquals(MANIFEST.bytes(), Files.readAllBytes(real.resolve("run/manifest.json")));
    assertTrue(Files.isSymbolicLink(base.resolve("alias")));
  }

  @Test
  void linkToTheBaseItselfIsRefused() throws IOException {
    Files.createSymbolicLink(base.resolve("self"), base);

    RunpackException e = assertThrows(RunpackException.class, () -> publish("self"));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals("output_dir must lie inside its base directory: \"self\"", e.getMessage());
  }

  @Test
  void danglingLinkIsRefused() throws IOException {
    Files.createSymbolicLink(base.resolve("dangling"), temp.resolve("nowhere"));

    RunpackException e = assertThrows(RunpackException.class, () -> publish("dangling"));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals("output_dir \"dangling\" is a dangling symbolic link", e.getMessage());
    assertFalse(Files.exists(temp.resolve("nowhere")));
  }

  @Test
  void fileOnTheWayIsRefused() throws IOException {
    Files.writeString(base.resolve("file"), "x");

    RunpackException e = assertThrows(RunpackException.class, () -> publish("file/run"));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals(
        "output_dir \"file/run\" passes through file, which is not a directory", e.getMessage());
  }

  @Test
  void theBaseItselfIsRefused() {
    for (String dir : List.of(".", base.toString(), "a/..")) {
      RunpackException e = assertThrows(RunpackException.class, () -> publish(dir));
      assertEquals(ErrorCode.INVALID_REQUEST, e.code());
      assertEquals(
          "output_dir must lie inside its base directory: \"" + dir + "\"", e.getMessage());
    }
  }

  @Test
  void loneSurrogateIsAnInvalidRequestNotAnInternalError() {
    RunpackException e = assertThrows(RunpackException.class, () -> publish("\ud800"));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals("output_dir is not well-formed Unicode (lone surrogate)", e.getMessage());
  }

  @Test
  void nulIsAnInvalidRequest() {
    RunpackException e = assertThrows(RunpackException.class, () -> publish("a\0b"));

    assertEquals(ErrorCode.INVALID_REQUEST, e.code());
    assertEquals("output_dir contains a NUL character", e.getMessage());
  }

  @Test
  void missingDirectoriesOnTheWayAreCreatedInsideTheBase() {
    publish("tenant-1/runs/run-1");

    assertEquals(
        Map.of("artifacts/a.json", "1", "manifest.json", "{}"),
        Map.of(
            "artifacts/a.json",
            new String(Fixtures.read(base.resolve("tenant-1/runs/run-1/artifacts/a.json"))),
            "manifest.json",
            new String(Fixtures.read(base.resolve("tenant-1/runs/run-1/manifest.json")))));
  }

  private void publish(String outputDir) {
    storage.publish(
        new RunpackTarget(1, 1, "s", "r", Sha256.of(new byte[0]), Optional.of(outputDir)),
        List.of(ARTIFACT),
        MANIFEST,
        StoredSignatureCheck.SAME_BYTES_ONLY);
  }

  /** Every file, directory or link below {@code dir}. */
  private static List<String> entries(Path dir) {
    try (var walk = Files.walk(dir)) {
      return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
