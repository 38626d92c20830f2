package io.runpack.adapters.filesystem;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Marks a staging directory as alive: an exclusive lock on a file beside it, held by its exporter
 * until the staging directory is gone. The operating system drops the lock when the process dies,
 * however it dies ({@code kill -9} included), so a lock file whose lock can be taken marks debris
 * that the next export of that target may clean up.
 *
 * <p>Guarantees: a live exporter's lock is never taken over. POSIX record locks belong to the
 * process and closing <em>any</em> descriptor of a locked file releases them, so a lock file held
 * in this JVM is never opened a second time: the set of held files is kept for the whole JVM (this
 * is process-wide state by nature, not per-thread state), and checking it, opening and locking
 * happen under one monitor.
 */
final class StagingLock implements AutoCloseable {

  private static final Object GUARD = new Object();
  private static final Set<Path> HELD = new HashSet<>(); // guarded by GUARD

  private final Path file;
  private final FileChannel channel;

  private StagingLock(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Creates and locks a new lock file. Empty when a cleaner got hold of it between its creation and
   * the lock (it then removes it): the caller tries another name.
   */
  static Optional<StagingLock> create(Path file) throws IOException {
    synchronized (GUARD) {
      FileChannel channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
      return hold(file, channel);
    }
  }

  /**
   * Takes the lock of an exporter that is gone. Empty when the lock is still held (by a live
   * exporter in this or another process), or the file is gone, or it cannot be opened.
   */
  static Optional<StagingLock> takeOver(Path file) {
    synchronized (GUARD) {
      if (HELD.contains(file)) {
        return Optional.empty();
      }
      try {
        return hold(
            file, FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
      } catch (IOException e) {
        return Optional.empty(); // gone meanwhile, or not ours to clean (another user's)
      }
    }
  }

  private static Optional<StagingLock> hold(Path file, FileChannel channel) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (IOException | OverlappingFileLockException e) {
      channel.close();
      return Optional.empty();
    }
    // Still there once locked: not removed by whoever held it before (names are never reused).
    if (lock == null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      channel.close();
      return Optional.empty();
    }
    HELD.add(file);
    return Optional.of(new StagingLock(file, channel));
  }

  /** Removes the lock file, then lets go of the lock. */
  @Override
  public void close() throws IOException {
    synchronized (GUARD) {
      try {
        Files.deleteIfExists(file);
      } finally {
        HELD.remove(file);
        channel.close();
      }
    }
  }
}
