package io.runpack.adapters.filesystem;

import static java.nio.file.StandardOpenOption.READ;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedDirectoryStreamException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads for verification (issue 12, finding 6, read side): a path is walked from a handle on the
 * runpack root, so no link leads out of it; links that stay inside are followed; anything but a
 * regular file is refused without being opened; an open that blocks (a FIFO swapped in) ends with
 * an error in bounded time. Both walks are checked: by directory handle (Linux) and by name (the
 * fallback of platforms without {@code openat}).
 */
class ConfinedReadTest {

  private static final Duration OPEN_TIMEOUT = Duration.ofMillis(300);

  @TempDir Path temp;
  Path root;

  static Stream<Boolean> walks() {
    return Stream.of(false, true);
  }

  @BeforeEach
  void makeRoot() throws IOException {
    root = Files.createDirectories(temp.resolve("runpack"));
    Files.createDirectories(root.resolve("artifacts"));
    Files.writeString(root.resolve("artifacts/a.json"), "[1]");
  }

  @ParameterizedTest(name = "by name: {0}")
  @MethodSource("walks")
  void linksInsideTheRootAreFollowedRelativeOrAbsolute(boolean byName) throws IOException {
    Files.createSymbolicLink(root.resolve("artifacts/rel.json"), Path.of("a.json"));
    Files.createSymbolicLink(root.resolve("up.json"), Path.of("artifacts/../artifacts/a.json"));
    Files.createSymbolicLink(
        root.resolve("abs.json"), root.toRealPath().resolve("artifacts/a.json"));
    Files.createSymbolicLink(root.resolve("dir"), Path.of("artifacts"));

    try (FileSystemRunpackReader reader = reader(byName)) {
      for (String path : new String[] {"artifacts/rel.json", "up.json", "abs.json", "dir/a.json"}) {
        assertArrayEquals("[1]".getBytes(StandardCharsets.UTF_8), reader.read(path, 100), path);
        assertEquals(Sha256.of("[1]".getBytes(StandardCharsets.UTF_8)), reader.sha256(path, 100));
      }
    }
  }

  @ParameterizedTest(name = "by name: {0}")
  @MethodSource("walks")
  void linksLeadingOutOfTheRootAreNotFollowed(boolean byName) throws IOException {
    Files.writeString(temp.resolve("secret.json"), "[2]");
    Files.createSymbolicLink(root.resolve("abs.json"), temp.resolve("secret.json"));
    Files.createSymbolicLink(root.resolve("rel.json"), Path.of("../secret.json"));
    Files.createSymbolicLink(root.resolve("artifacts/deep.json"), Path.of("../../secret.json"));
    Files.createSymbolicLink(root.resolve("out"), temp);

    try (FileSystemRunpackReader reader = reader(byName)) {
      for (String path : new String[] {"abs.json", "rel.json", "artifacts/deep.json"}) {
        assertFailure(
            reader,
            path,
            ErrorCode.INVALID_REQUEST,
            "path " + path + " leads outside the runpack root through a symbolic link");
      }
      assertFailure(
          reader,
          "out/secret.json",
          ErrorCode.INVALID_REQUEST,
          "path out/secret.json leads outside the runpack root through a symbolic link");
    }
  }

  @ParameterizedTest(name = "by name: {0}")
  @MethodSource("walks")
  void aLinkLoopIsRefused(boolean byName) throws IOException {
    Files.createSymbolicLink(root.resolve("loop.json"), Path.of("loop.json"));

    try (FileSystemRunpackReader reader = reader(byName)) {
      assertFailure(
          reader,
          "loop.json",
          ErrorCode.INVALID_REQUEST,
          "path loop.json passes through too many symbolic links");
    }
  }

  @ParameterizedTest(name = "by name: {0}")
  @MethodSource("walks")
  void aFifoOrADirectoryIsNotARegularFileAndIsNotOpened(boolean byName) throws IOException {
    Path fifo = mkfifo(root.resolve("artifacts/fifo.json"));
    Files.createDirectories(root.resolve("artifacts/dir.json"));

    try (FileSystemRunpackReader reader = reader(byName)) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            assertFailure(
                reader, "artifacts/fifo.json", ErrorCode.STORAGE_ERROR, "not a regular file");
            assertFailure(
                reader, "artifacts/dir.json", ErrorCode.STORAGE_ERROR, "not a regular file");
          });
    }
    assertEquals(true, Files.exists(fifo));
  }

  @Test
  void anOpenThatBlocksFailsInBoundedTimeAndLaterOpensFailAtOnce() throws IOException {
    Path fifo = mkfifo(temp.resolve("fifo"));
    BoundedOpen open = new BoundedOpen(OPEN_TIMEOUT);

    RunpackException blocked =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () ->
                assertThrows(
                    RunpackException.class,
                    () -> open.open(() -> FileChannel.open(fifo, StandardOpenOption.READ))));
    assertEquals(ErrorCode.STORAGE_ERROR, blocked.code());
    assertEquals(
        "not a regular file: opening it did not complete within 300 ms", blocked.getMessage());
    RunpackException later =
        assertThrows(
            RunpackException.class,
            () -> open.open(() -> FileChannel.open(root.resolve("artifacts/a.json"))));
    assertEquals("not opened: an earlier open has not completed", later.getMessage());
    open.close();
    // a writer lets the abandoned open complete: what it opened is closed, not leaked
    FileChannel.open(fifo, StandardOpenOption.WRITE).close();
  }

  @Test
  void closingAfterAnOpenThatBlocksDoesNotWaitForIt() throws Exception {
    Path fifo = mkfifo(temp.resolve("fifo"));
    assumeTrue(
        Files.newDirectoryStream(temp) instanceof SecureDirectoryStream<Path>,
        "directory handles (openat) on this platform");
    @SuppressWarnings("unchecked")
    SecureDirectoryStream<Path> directory =
        (SecureDirectoryStream<Path>) Files.newDirectoryStream(temp);
    BoundedOpen open = new BoundedOpen(OPEN_TIMEOUT);
    // The open holds the directory stream's lock inside openat until a writer comes.
    assertThrows(
        RunpackException.class,
        () -> open.open(() -> directory.newByteChannel(fifo.getFileName(), Set.of(READ))));

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> open.close(directory));

    Path probe = Files.writeString(temp.resolve("probe"), "[]").getFileName();
    FileChannel.open(fifo, StandardOpenOption.WRITE).close(); // the open completes at last
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          while (true) { // then the stream it held is closed, on its thread
            try {
              directory.newByteChannel(probe, Set.of(READ)).close();
              Thread.sleep(10);
            } catch (ClosedDirectoryStreamException closed) {
              return;
            }
          }
        });
  }

  @ParameterizedTest(name = "by name: {0}")
  @MethodSource("walks")
  void aPathOfTwoThousandLevelsIsWalked(boolean byName) throws IOException {
    StringBuilder path = new StringBuilder();
    Path dir = root;
    for (int i = 0; i < 2000; i++) {
      dir = dir.resolve("d");
      path.append("d/");
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("f.json"), "[3]");

    // walking by name costs the kernel O(depth²): give it the default time
    try (FileSystemRunpackReader reader =
        new FileSystemRunpackReader(root, RootedFiles.OPEN_TIMEOUT, byName)) {
      assertArrayEquals("[3]".getBytes(StandardCharsets.UTF_8), reader.read(path + "f.json", 100));
      assertFailure(reader, path + "g.json", ErrorCode.FILE_NOT_FOUND, "no such file");
    } finally {
      removeTree(root.resolve("d"));
    }
  }

  @Test
  void aLinkThatClimbsBackUpIsWalkedWithinTheStepLimitAndLaterOpensAreRefused() throws IOException {
    // a chain 800 directories deep, a link at its root down to its bottom, and one at its bottom
    // that climbs back up to the root and down again: each ".." walks down again from the root, so
    // the path l/l/f.json would take some 320,000 steps
    int depth = 800;
    Path bottom = Files.createDirectories(root.resolve("a/".repeat(depth)));
    Files.createSymbolicLink(root.resolve("l"), Path.of("a/".repeat(depth)));
    Files.createSymbolicLink(
        bottom.resolve("l"), Path.of("../".repeat(depth) + "a/".repeat(depth)));
    String limit =
        "not opened: the runpack's paths took more than "
            + RootedFiles.MAX_WALK_STEPS
            + " steps to walk (entries looked up, directories entered), the limit of one"
            + " verification";

    try (FileSystemRunpackReader reader =
        new FileSystemRunpackReader(root, RootedFiles.OPEN_TIMEOUT, false)) {
      RunpackException climb =
          assertThrows(RunpackException.class, () -> reader.read("l/l/f.json", 100));
      assertEquals(limit, climb.getMessage());
      assertEquals(ErrorCode.LIMIT_EXCEEDED, climb.code());
      assertFailure(reader, "artifacts/a.json", ErrorCode.LIMIT_EXCEEDED, limit);
    } finally {
      removeTree(root.resolve("a"));
    }
  }

  /** Removes a deep tree in linear time (JUnit's clean-up resolves each level's real path). */
  static void removeTree(Path dir) throws IOException {
    try {
      new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @ParameterizedTest(name = "by name: {0}")
  @MethodSource("walks")
  void aFileInThePathIsNotADirectory(boolean byName) {
    try (FileSystemRunpackReader reader = reader(byName)) {
      assertFailure(
          reader,
          "artifacts/a.json/x.json",
          ErrorCode.INVALID_REQUEST,
          "path artifacts/a.json/x.json passes through a file that is not a directory");
    }
  }

  private FileSystemRunpackReader reader(boolean byName) {
    return new FileSystemRunpackReader(root, OPEN_TIMEOUT, byName);
  }

  private static void assertFailure(
      FileSystemRunpackReader reader, String path, ErrorCode code, String message) {
    RunpackException read = assertThrows(RunpackException.class, () -> reader.read(path, 100));
    assertEquals(message, read.getMessage());
    assertEquals(code, read.code());
    RunpackException hash = assertThrows(RunpackException.class, () -> reader.sha256(path, 100));
    assertEquals(message, hash.getMessage());
  }

  static Path mkfifo(Path path) throws IOException {
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is available: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return path;
  }
}
