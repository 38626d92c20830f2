package io.runpack.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.adapters.signing.Ed25519Signer;
import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.port.out.SignManifestPort;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed directory export stages the signature with the runpack and commits it in the same
 * rename; the signature takes part in the idempotence check (same key: nothing written; another
 * key: conflict naming the signature), and a signed runpack can be replaced whole.
 */
class SignedDirectoryExportTest {

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
  void signedExportIsTheUnsignedRunpackPlusItsSignature() {
    Path unsigned = temp.resolve("work/unsigned");
    export(LocalRunpack.request(Fixtures.request(LABEL), unsigned), Optional.empty());
    export(request(), Optional.of(Ed25519Signer.generate()));

    Map<String, byte[]> signed = new TreeMap<>(Fixtures.readTree(out));
    byte[] signature = signed.remove("manifest.json.sig");
    Map<String, byte[]> plain = Fixtures.readTree(unsigned);
    assertEquals(plain.keySet(), signed.keySet());
    plain.forEach((path, bytes) -> assertArrayEquals(bytes, signed.get(path), path));
    assertEquals('{', signature[0]);
    assertEquals(List.of("out", "unsigned"), DirectoryCommitTest.entries(temp.resolve("work")));
  }

  @Test
  void reExportWithTheSameKeyWritesNothing() throws IOException {
    Ed25519Signer signer = Ed25519Signer.generate();
    export(request(), Optional.of(signer));
    Map<String, Object> identities = DirectoryCommitTest.identities(out);

    export(request(), Optional.of(signer));

    assertEquals(identities, DirectoryCommitTest.identities(out));
  }

  @Test
  void reExportWithAnotherKeyIsAConflictNamingTheSignature() {
    export(request(), Optional.of(Ed25519Signer.generate()));
    Map<String, byte[]> before = Fixtures.readTree(out);

    RunpackException e =
        assertThrows(
            RunpackException.class, () -> export(request(), Optional.of(Ed25519Signer.generate())));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(
        true, e.getMessage().contains("manifest.json.sig holds different bytes"), e.getMessage());
    DirectoryCommitTest.assertTreesEqual(before, Fixtures.readTree(out));
  }

  @Test
  void unsignedReExportOverASignedRunpackIsAConflict() {
    export(request(), Optional.of(Ed25519Signer.generate()));

    RunpackException e =
        assertThrows(RunpackException.class, () -> export(request(), Optional.empty()));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(
        true,
        e.getMessage().contains("manifest.json.sig is not part of this runpack"),
        e.getMessage());
  }

  @Test
  void signedRunpackIsReplacedWhole() {
    export(request(), Optional.of(Ed25519Signer.generate()));
    Ed25519Signer next = Ed25519Signer.generate();

    exportWith(
        new FileSystemRunpackStorage(
            Optional.empty(), ExistingRunpack.REPLACE, List.of(), () -> {}),
        request(),
        Optional.of(next));

    String signature = new String(Fixtures.readTree(out).get("manifest.json.sig"));
    assertEquals(true, signature.contains(next.keyId()), signature);
  }

  ExportRunpackCommand request() {
    return LocalRunpack.request(Fixtures.request(LABEL), out);
  }

  void export(ExportRunpackCommand command, Optional<SignManifestPort> signer) {
    exportWith(new FileSystemRunpackStorage(Optional.empty()), command, signer);
  }

  void exportWith(
      FileSystemRunpackStorage storage,
      ExportRunpackCommand command,
      Optional<SignManifestPort> signer) {
    new ExportRunpackService(
            new FileSystemRunStore(store, LocalRunpack.CODEC),
            storage,
            LocalRunpack.CODEC,
            ExportSettings.NONE,
            signer)
        .export(command);
  }
}
