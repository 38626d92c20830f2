package io.runpack.adapters.filesystem;

import static io.runpack.adapters.filesystem.DirectoryCommitTest.assertTreesEqual;
import static io.runpack.adapters.filesystem.DirectoryCommitTest.entries;
import static io.runpack.adapters.filesystem.DirectoryCommitTest.files;
import static io.runpack.adapters.filesystem.DirectoryCommitTest.identities;
import static io.runpack.adapters.filesystem.DirectoryCommitTest.withManifest;
import static io.runpack.adapters.filesystem.DirectoryCommitTest.withVerification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
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

/**
 * {@link ExistingRunpack#REPLACE} replaces only a runpack (a manifest that decodes as one, under
 * the new runpack's name or a default one) and never one that is, holds or lies inside what the
 * export reads; anything else is refused with nothing touched.
 */
class ReplaceableRunpackTest {

  static final String LABEL = "golden_time_after_pass";

  @TempDir Path temp;
  Path store;
  Path out;

  @BeforeEach
  void storeRuns() throws IOException {
    store = temp.resolve("store");
    new LocalRunpack(store, ExportSettings.NONE)
        .putBundle(Fixtures.read(Fixtures.runBundle(LABEL)));
    out = Files.createDirectories(temp.resolve("work")).resolve("out");
  }

  @Test
  void aRunpackRenamedAwayWhileItIsReadIsGoneNotRefused() throws IOException {
    // another export's swap renames the target aside between the listing and the manifest's read
    Path runpack = Fixtures.copyTree(Fixtures.golden(LABEL), out);
    Path aside = temp.resolve("work/.aside");
    OutputLocation location =
        OutputLocation.resolve(Optional.of(runpack.toString()), Optional.empty());
    ReplaceableRunpack guard =
        new ReplaceableRunpack(
            Optional.empty(),
            new ExportInputs(List.of()),
            () -> {
              try {
                Files.move(runpack, aside);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    assertThrows(java.nio.file.NoSuchFileException.class, () -> guard.require(location));
  }

  @Test
  void aDirectoryOfJsonFilesWithoutAManifestIsNotReplaced() throws IOException {
    Files.createDirectories(out.resolve("sub"));
    Files.writeString(out.resolve("settings.json"), "{\"important\":true}");
    Files.writeString(out.resolve("sub/d.json"), "[1]");

    assertRefusedUntouched(
        ErrorCode.CONFLICT,
        "output_dir "
            + out.toRealPath()
            + " is not replaced: only a runpack is replaced, and it holds no runpack manifest"
            + " (manifest.json or runpack.json)",
        List.of());
  }

  @Test
  void theNewManifestNameIsSoughtFirstAndNamedFirst() throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("settings.json"), "{}");

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () -> replace(withManifest(request(), "audit.json"), List.of()));

    assertEquals(
        "output_dir "
            + out.toRealPath()
            + " is not replaced: only a runpack is replaced, and it holds no runpack manifest"
            + " (audit.json, manifest.json or runpack.json)",
        e.getMessage());
  }

  @Test
  void aManifestNameHoldingSomethingElseIsNotReplaced() throws IOException {
    Files.createDirectories(out.resolve("manifest.json"));
    Files.writeString(out.resolve("runpack.json"), "[]");

    assertRefusedUntouched(
        ErrorCode.CONFLICT,
        "output_dir "
            + out.toRealPath()
            + " is not replaced: only a runpack is replaced, and manifest.json is not a runpack"
            + " manifest: not a regular file",
        List.of());
  }

  @Test
  void aRunpackUnderDecisionGatesManifestNameIsReplaced() {
    export(withManifest(request(), "runpack.json"));

    replace(request(), List.of(store));

    assertEquals("pass", LocalRunpack.verify(out).status());
    assertEquals(List.of("out"), entries(temp.resolve("work")), "the old runpack is deleted");
  }

  @Test
  void aRunpackHoldingTheRunStoreItIsExportedFromIsNotReplaced() throws IOException {
    export(request());
    store = Fixtures.copyTree(store, out.resolve("store"));
    Files.createSymbolicLink(temp.resolve("link"), out);

    assertRefusedUntouched(
        ErrorCode.INVALID_REQUEST,
        "output_dir "
            + out.toRealPath()
            + " is not replaced: it holds "
            + out.toRealPath().resolve("store")
            + ", which this export reads",
        List.of(temp.resolve("link/store/../store")));
  }

  @Test
  void aRunpackThatIsOrLiesInsideAnInputIsNotReplaced() throws IOException {
    export(withVerification(request(), false));

    assertRefusedUntouched(
        ErrorCode.INVALID_REQUEST,
        "output_dir "
            + out.toRealPath()
            + " is not replaced: it is "
            + out.toRealPath()
            + ", which this export reads",
        List.of(out));
    assertRefusedUntouched(
        ErrorCode.INVALID_REQUEST,
        "output_dir "
            + out.toRealPath()
            + " is not replaced: it lies inside "
            + temp.toRealPath()
            + ", which this export reads",
        List.of(store, temp));
  }

  void assertRefusedUntouched(ErrorCode code, String message, List<Path> inputs)
      throws IOException {
    Map<String, Object> identities = identities(out);
    Map<String, byte[]> before = files(out);

    RunpackException e = assertThrows(RunpackException.class, () -> replace(request(), inputs));

    assertEquals(code, e.code());
    assertEquals(message, e.getMessage());
    assertEquals(identities, identities(out));
    assertTreesEqual(before, files(out));
    assertEquals(List.of("out"), entries(temp.resolve("work")), "no staging left");
  }

  ExportRunpackCommand request() {
    return LocalRunpack.request(Fixtures.request(LABEL), out);
  }

  void export(ExportRunpackCommand command) {
    exportWith(new FileSystemRunpackStorage(Optional.empty()), command);
  }

  void replace(ExportRunpackCommand command, List<Path> inputs) {
    exportWith(
        new FileSystemRunpackStorage(Optional.empty(), ExistingRunpack.REPLACE, inputs, () -> {}),
        command);
  }

  void exportWith(FileSystemRunpackStorage storage, ExportRunpackCommand command) {
    new ExportRunpackService(
            new FileSystemRunStore(store, LocalRunpack.CODEC),
            storage,
            LocalRunpack.CODEC,
            ExportSettings.NONE)
        .export(command);
  }
}
