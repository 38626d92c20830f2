package io.runpack.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test hook for race and crash tests of directory exports, off unless the JVM is started with
 * {@code -Drunpack.test.pause-before-commit=DIR}. Then an export stops once its runpack is staged,
 * just before it is moved into place: it creates {@code DIR/paused-<pid>} and waits until {@code
 * DIR/resume} exists (at most {@link #MAX_WAIT_MILLIS}, then it goes on). A test can hold one
 * exporter there while another runs, release several at once, or kill it there.
 */
final class CommitPause implements Runnable {

  static final String PROPERTY = "runpack.test.pause-before-commit";
  static final long MAX_WAIT_MILLIS = 60_000;

  private final Path dir;

  private CommitPause(Path dir) {
    this.dir = dir;
  }

  /** The hook the system property asks for, or a no-op. */
  static Runnable fromSystemProperty() {
    String dir = System.getProperty(PROPERTY);
    return dir == null ? () -> {} : new CommitPause(Path.of(dir));
  }

  @Override
  public void run() {
    try {
      Files.createFile(dir.resolve("paused-" + ProcessHandle.current().pid()));
      long deadline = System.nanoTime() + MAX_WAIT_MILLIS * 1_000_000;
      while (!Files.exists(dir.resolve("resume")) && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
