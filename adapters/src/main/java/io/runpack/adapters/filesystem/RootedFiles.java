package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Opens files under a root directory for reading, by runpack-relative path (FORMAT §4): nothing
 * outside the root is ever opened, also not through a symbolic link or a rename racing the reader.
 *
 * <p>How: the path is walked one component at a time from a handle on the root ({@link
 * DirectoryHandle}), each directory opened relative to the one before and nothing opened through a
 * link; a symbolic link is followed by reading its target and walking that from the root, so a
 * target outside the root is refused. Each step costs a constant number of system calls: resolving
 * a path is linear in its length, and the directory of the previous file is kept open for the next;
 * all the opens of one instance take at most {@link #MAX_WALK_STEPS} steps, since links (a ".." in
 * a target walks down again from the root) and many deep paths could make a small manifest cost
 * millions. Only regular files are opened, each checked to be seekable, and the whole walk is
 * bounded in time ({@link BoundedOpen}), so a FIFO or device swapped in at any step gives an error,
 * never a hang. Not thread-safe.
 */
final class RootedFiles implements Closeable {

  /** How long one open may take before the file is given up. */
  static final Duration OPEN_TIMEOUT = Duration.ofSeconds(5);

  /** Most symbolic links followed for one path, as Linux allows. */
  private static final int MAX_LINKS = 40;

  /**
   * Most steps (an entry looked up, a directory entered) the opens of one instance may take in all:
   * a verification's walk. A runpack's own files take one to a few steps each, but a link whose
   * target climbs back up (each ".." walks down again from the root) or thousands of distinct paths
   * thousands of levels deep make a small manifest cost millions, a system call each.
   */
  static final int MAX_WALK_STEPS = 1 << 17;

  /** A file open for reading, with its size and identity when it was opened. */
  record Opened(SeekableByteChannel channel, long size, Object fileKey) implements Closeable {
    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private final Path root;
  private final List<String> realRoot = new ArrayList<>();
  private final DirectoryHandle rootHandle;
  private final BoundedOpen opener;
  private int steps;
  private String cachedParent;
  private List<String> cachedResolved;
  private DirectoryHandle cachedHandle;

  private RootedFiles(Path root, DirectoryHandle rootHandle, Duration openTimeout)
      throws IOException {
    this.root = root;
    this.rootHandle = rootHandle;
    this.opener = new BoundedOpen(openTimeout);
    root.toRealPath().forEach(name -> realRoot.add(name.toString()));
  }

  /** The files under {@code root}, a directory (which may itself be reached through a link). */
  static RootedFiles open(Path root) throws IOException {
    return open(root, OPEN_TIMEOUT);
  }

  static RootedFiles open(Path root, Duration openTimeout) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    return new RootedFiles(absolute, DirectoryHandle.open(absolute), openTimeout);
  }

  /** The same, walking by name as on platforms without directory handles. */
  static RootedFiles openByName(Path root, Duration openTimeout) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    return new RootedFiles(absolute, new DirectoryHandle.ByName(absolute), openTimeout);
  }

  Path root() {
    return root;
  }

  /**
   * Opens the regular file at {@code path}, at most {@code maxBytes} long. Fails with a {@link
   * RunpackException} whose message is the short reason verification reports: an unsafe path or one
   * leading out of the root ({@link ErrorCode#INVALID_REQUEST}), a missing file ({@link
   * ErrorCode#FILE_NOT_FOUND}), anything but a regular file ({@link ErrorCode#STORAGE_ERROR}), a
   * larger one ({@link ErrorCode#LIMIT_EXCEEDED}); other I/O failures are {@link IOException}s.
   */
  Opened open(String path, long maxBytes) throws IOException {
    return opener.open(() -> walk(path, maxBytes));
  }

  /** Runs on the opener's thread: a walk may meet a FIFO swapped in at any step. */
  private Opened walk(String path, long maxBytes) throws IOException {
    String problem = RunpackPath.problemWith(path);
    if (problem != null) {
      throw new RunpackException(ErrorCode.INVALID_REQUEST, "unsafe path: " + problem);
    }
    String[] components = path.split("/");
    String parent = path.substring(0, Math.max(0, path.lastIndexOf('/')));
    Walk walk;
    if (cachedHandle != null && parent.equals(cachedParent)) {
      walk = new Walk(path, cachedHandle, false, new ArrayList<>(cachedResolved));
      walk.todo.add(components[components.length - 1]);
    } else {
      walk = new Walk(path, rootHandle, false, new ArrayList<>());
      walk.todo.addAll(List.of(components));
    }
    try {
      Opened opened = walk.toFile(maxBytes);
      if (walk.owned && walk.links == 0) { // keep its directory open for the next file beside it
        closeCached();
        cachedParent = parent;
        cachedResolved = walk.resolved;
        cachedHandle = walk.current;
        walk.owned = false;
      }
      return opened;
    } finally {
      walk.release();
    }
  }

  /** One path being walked: the directory reached so far and the components still to go. */
  private final class Walk {
    final String path;
    final Deque<String> todo = new ArrayDeque<>();
    DirectoryHandle current;
    boolean owned;
    List<String> resolved;
    int links;

    Walk(String path, DirectoryHandle current, boolean owned, List<String> resolved) {
      this.path = path;
      this.current = current;
      this.owned = owned;
      this.resolved = resolved;
    }

    Opened toFile(long maxBytes) throws IOException {
      while (true) {
        step();
        String name = todo.pollFirst();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
          up(name.equals(".."));
          continue;
        }
        Path entry = name(name);
        BasicFileAttributes attributes;
        try {
          attributes = current.stat(entry);
        } catch (NoSuchFileException e) {
          throw new RunpackException(ErrorCode.FILE_NOT_FOUND, "no such file");
        }
        if (attributes.isSymbolicLink()) {
          follow(entry, attributes);
        } else if (todo.isEmpty()) {
          return file(entry, attributes, maxBytes);
        } else if (attributes.isDirectory()) {
          DirectoryHandle next;
          try {
            next = current.directory(entry);
          } catch (IOException e) {
            throw changedOr(e, entry, attributes);
          }
          enter(next);
          resolved.add(name);
        } else {
          throw new RunpackException(
              ErrorCode.INVALID_REQUEST,
              "path "
                  + RunpackPath.printable(path)
                  + " passes through a file that is not a directory");
        }
      }
    }

    /** A "." or ".." from a link's target (a runpack path has none): stay, or go up a level. */
    private void up(boolean parent) throws IOException {
      if (parent) {
        if (resolved.isEmpty()) {
          throw escapes();
        }
        resolved.remove(resolved.size() - 1);
        List<String> names = resolved;
        resolved = new ArrayList<>();
        enter(rootHandle, false);
        for (String name : names) {
          step();
          enter(current.directory(name(name)));
          resolved.add(name);
        }
      }
      if (todo.isEmpty()) {
        throw new RunpackException(ErrorCode.STORAGE_ERROR, "not a regular file");
      }
    }

    private void step() {
      if (++steps > MAX_WALK_STEPS) {
        steps = MAX_WALK_STEPS; // and every later open is refused at its first step
        throw new RunpackException(
            ErrorCode.LIMIT_EXCEEDED,
            "not opened: the runpack's paths took more than "
                + MAX_WALK_STEPS
                + " steps to walk (entries looked up, directories entered), the limit of one"
                + " verification");
      }
    }

    private void follow(Path link, BasicFileAttributes seen) throws IOException {
      if (++links > MAX_LINKS) {
        throw new RunpackException(
            ErrorCode.INVALID_REQUEST,
            "path " + RunpackPath.printable(path) + " passes through too many symbolic links");
      }
      Path at = root;
      for (String name : resolved) {
        at = at.resolve(name);
      }
      Path target;
      try {
        target = java.nio.file.Files.readSymbolicLink(at.resolve(link));
      } catch (NotLinkException e) { // a link when checked, something else now
        throw changed();
      } catch (IOException e) {
        throw changedOr(e, link, seen);
      }
      List<String> names = new ArrayList<>();
      target.forEach(name -> names.add(name.toString()));
      if (target.isAbsolute()) {
        if (names.size() < realRoot.size() || !names.subList(0, realRoot.size()).equals(realRoot)) {
          throw escapes();
        }
        names.subList(0, realRoot.size()).clear();
        resolved = new ArrayList<>();
        enter(rootHandle, false);
      }
      for (int i = names.size() - 1; i >= 0; i--) {
        todo.addFirst(names.get(i));
      }
      if (names.isEmpty()) {
        todo.addFirst(".");
      }
    }

    private Opened file(Path entry, BasicFileAttributes attributes, long maxBytes)
        throws IOException {
      if (!attributes.isRegularFile()) {
        throw new RunpackException(ErrorCode.STORAGE_ERROR, "not a regular file");
      }
      if (attributes.size() > maxBytes) {
        throw tooLarge(maxBytes);
      }
      SeekableByteChannel channel;
      try {
        channel = current.file(entry);
      } catch (IOException e) {
        throw changedOr(e, entry, attributes);
      }
      try {
        channel.position(); // a FIFO or terminal swapped in cannot seek: refuse it before reading
      } catch (IOException e) {
        channel.close();
        throw new RunpackException(ErrorCode.STORAGE_ERROR, "not a regular file");
      }
      return new Opened(channel, attributes.size(), attributes.fileKey());
    }

    /**
     * An entry that is no longer what its check saw (a file swapped for a link, a FIFO, another
     * file) is reported as such; any other failure stays what it was. An entry made anew may get
     * the number of the one it replaced (file systems reuse a freed inode at once), so its times
     * are compared too.
     */
    private IOException changedOr(IOException failure, Path entry, BasicFileAttributes seen) {
      try {
        BasicFileAttributes now = current.stat(entry);
        if (java.util.Objects.equals(now.fileKey(), seen.fileKey())
            && now.isSymbolicLink() == seen.isSymbolicLink()
            && now.isDirectory() == seen.isDirectory()
            && now.isRegularFile() == seen.isRegularFile()
            && now.lastModifiedTime().equals(seen.lastModifiedTime())
            && now.creationTime().equals(seen.creationTime())) {
          return failure;
        }
      } catch (IOException gone) {
        // removed meanwhile: changed too
      }
      throw changed();
    }

    private static RunpackException changed() {
      return new RunpackException(ErrorCode.STORAGE_ERROR, "changed while it was being opened");
    }

    private void enter(DirectoryHandle next) throws IOException {
      enter(next, true);
    }

    private void enter(DirectoryHandle next, boolean nextOwned) throws IOException {
      if (owned) {
        current.close();
      }
      current = next;
      owned = nextOwned;
    }

    void release() throws IOException {
      if (owned) {
        owned = false;
        current.close();
      }
    }

    private RunpackException escapes() {
      return new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "path "
              + RunpackPath.printable(path)
              + " leads outside the runpack root through a symbolic link");
    }
  }

  /** One component as a path of the root's file system. */
  private Path name(String name) {
    try {
      return root.getFileSystem().getPath(name);
    } catch (InvalidPathException e) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "the name "
              + RunpackPath.printable(name)
              + " cannot be represented in this system's file name encoding ("
              + System.getProperty("sun.jnu.encoding")
              + "); use a UTF-8 locale such as LC_ALL=C.UTF-8");
    }
  }

  static RunpackException tooLarge(long maxBytes) {
    return new RunpackException(
        ErrorCode.LIMIT_EXCEEDED, "larger than the limit of " + maxBytes + " bytes");
  }

  private void closeCached() throws IOException {
    if (cachedHandle != null) {
      DirectoryHandle handle = cachedHandle;
      cachedHandle = null;
      handle.close();
    }
  }

  /**
   * Closes the directory handles, on the opener's thread after an open that did not complete (which
   * may hold one of them: {@link BoundedOpen#close(Closeable)}), so closing never hangs either.
   */
  @Override
  public void close() throws IOException {
    opener.close(
        () -> {
          try {
            closeCached();
          } finally {
            rootHandle.close();
          }
        });
  }
}
