package io.runpack.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing an existing runpack adds its signature whole, never replaces another one and leaves no
 * temporary file.
 */
class SignatureWriterTest {

  @TempDir Path dir;

  @Test
  void signatureIsAddedWholeAndTheSameBytesAgainAreAccepted() throws IOException {
    RunpackFile signature = RunpackFile.of("manifest.json.sig", "{\"a\":1}".getBytes());

    new FileSystemSignatureWriter(dir).write(signature);
    new FileSystemSignatureWriter(dir).write(signature);

    assertArrayEquals(signature.bytes(), Files.readAllBytes(dir.resolve("manifest.json.sig")));
    assertEquals(List.of("manifest.json.sig"), DirectoryCommitTest.entries(dir));
  }

  @Test
  void anotherSignatureIsAConflictAndStays() throws IOException {
    new FileSystemSignatureWriter(dir)
        .write(RunpackFile.of("manifest.json.sig", "{\"a\":1}".getBytes()));

    RunpackException e =
        assertThrows(
            RunpackException.class,
            () ->
                new FileSystemSignatureWriter(dir)
                    .write(RunpackFile.of("manifest.json.sig", "{\"a\":2}".getBytes())));

    assertEquals(ErrorCode.CONFLICT, e.code());
    assertEquals(
        "manifest.json.sig already holds another signature; remove it first to sign again",
        e.getMessage());
    assertEquals("{\"a\":1}", Files.readString(dir.resolve("manifest.json.sig")));
    assertEquals(List.of("manifest.json.sig"), DirectoryCommitTest.entries(dir));
  }
}
