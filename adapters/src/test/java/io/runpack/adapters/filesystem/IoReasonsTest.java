package io.runpack.adapters.filesystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoReasonsTest {

  @TempDir Path temp;

  @Test
  void realFailuresAreSaidAsAPersonReadsThemWithoutAClassName() {
    IOException missing =
        assertThrows(IOException.class, () -> Files.readAllBytes(temp.resolve("none")));
    IOException notADirectory =
        assertThrows(
            IOException.class,
            () -> {
              Files.writeString(temp.resolve("file"), "x");
              Files.createDirectory(temp.resolve("file/sub"));
            });
    IOException exists =
        assertThrows(IOException.class, () -> Files.createDirectory(temp.resolve("file")));

    assertEquals("no such file or directory", IoReasons.of(missing));
    assertEquals("not a directory", IoReasons.of(notADirectory));
    assertEquals("already exists", IoReasons.of(exists));
    assertEquals(temp.resolve("none").toString(), IoReasons.file(missing));
  }

  @Test
  void theFileIsNamedWhenItIsNotTheOneTheMessageIsAbout() {
    IOException denied = new AccessDeniedException("/root");

    assertEquals("permission denied: /root", IoReasons.of(denied, "/root/x"));
    assertEquals("permission denied", IoReasons.of(denied, "/root"));
    assertEquals(
        "no space left on device",
        IoReasons.of(new FileSystemException("/x", null, "No space left on device")));
    assertEquals("input/output error", IoReasons.of(new IOException()));
  }
}
