package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens files and directories on a thread of its own and waits a bounded time for each. Opening a
 * FIFO for reading blocks until a writer comes, and Java cannot open without blocking: a FIFO
 * swapped in between the check that a name is a regular file and its opening would otherwise hang
 * the reader forever. An open that does not complete in time fails with {@link
 * ErrorCode#STORAGE_ERROR}; its thread (a daemon) is left behind, what it opens later is closed,
 * and every later open fails at once rather than pile up more such threads. What the opens work in
 * is closed after them, on their thread ({@link #close(Closeable)}), never waited for.
 */
final class BoundedOpen implements Closeable {

  /** What an open does: a call that may block. */
  interface Action<T extends Closeable> {
    T open() throws IOException;
  }

  private final Duration timeout;
  private ExecutorService thread;
  private boolean stuck;

  BoundedOpen(Duration timeout) {
    this.timeout = timeout;
  }

  <T extends Closeable> T open(Action<T> action) throws IOException {
    if (stuck) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR, "not opened: an earlier open has not completed");
    }
    if (thread == null) {
      thread =
          Executors.newSingleThreadExecutor(
              task -> {
                Thread t = new Thread(task, "runpack-open");
                t.setDaemon(true);
                return t;
              });
    }
    CompletableFuture<T> opened =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return action.open();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            thread);
    try {
      return opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      opened.thenAccept(BoundedOpen::closeQuietly);
      stuck = true;
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR,
          "not a regular file: opening it did not complete within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      opened.thenAccept(BoundedOpen::closeQuietly);
      throw new RunpackException(ErrorCode.STORAGE_ERROR, "interrupted while opening");
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // it was never handed out
    }
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.shutdownNow();
    }
  }

  /**
   * Closes {@code used}, what the opens work in (directory handles), and then this opener. After an
   * open that did not complete, {@code used} is closed on that open's thread once it returns (if it
   * ever does), and this call returns at once: the stuck open may hold what {@code used} closes (a
   * directory stream's lock, held through {@code openat} on a FIFO), so closing it here would wait
   * as long as the open does — forever, with no writer.
   */
  void close(Closeable used) throws IOException {
    if (!stuck) {
      try {
        used.close();
      } finally {
        close();
      }
      return;
    }
    thread.execute(() -> closeQuietly(used)); // runs after the stuck open, on its thread
    thread.shutdown(); // no other open starts; the queued close still runs
  }
}
