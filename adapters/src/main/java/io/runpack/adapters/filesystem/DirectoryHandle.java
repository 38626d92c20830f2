package io.runpack.adapters.filesystem;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * One directory, through which its entries are examined and opened by name without following a
 * symbolic link in the last step. Two kinds: a handle on the open directory ({@link
 * SecureDirectoryStream}, on Linux and other platforms with {@code openat}), which no rename or
 * link swapped in above it can redirect; and, where the platform has no such handle, the
 * directory's path, checked step by step as before.
 */
sealed interface DirectoryHandle extends Closeable {

  Set<OpenOption> READ_NO_FOLLOW = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  /** An open handle on {@code dir} when the platform has one, else its path. */
  static DirectoryHandle open(Path dir) throws IOException {
    DirectoryStream<Path> stream = Files.newDirectoryStream(dir);
    if (stream instanceof SecureDirectoryStream<Path> secure) {
      return new Secure(secure);
    }
    stream.close();
    return new ByName(dir);
  }

  /** The attributes of the entry {@code name} itself (a link is not followed). */
  BasicFileAttributes stat(Path name) throws IOException;

  /** The directory {@code name}; fails if it is a symbolic link. */
  DirectoryHandle directory(Path name) throws IOException;

  /** The file {@code name} open for reading; fails if it is a symbolic link. */
  SeekableByteChannel file(Path name) throws IOException;

  /** A directory open as a handle: every name is resolved relative to it. */
  record Secure(SecureDirectoryStream<Path> stream) implements DirectoryHandle {
    @Override
    public BasicFileAttributes stat(Path name) throws IOException {
      return stream
          .getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .readAttributes();
    }

    @Override
    public DirectoryHandle directory(Path name) throws IOException {
      return new Secure(stream.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS));
    }

    @Override
    public SeekableByteChannel file(Path name) throws IOException {
      return stream.newByteChannel(name, READ_NO_FOLLOW);
    }

    @Override
    public void close() throws IOException {
      stream.close();
    }
  }

  /** A directory known by its path, for platforms without directory handles. */
  record ByName(Path dir) implements DirectoryHandle {
    @Override
    public BasicFileAttributes stat(Path name) throws IOException {
      return Files.readAttributes(
          dir.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public DirectoryHandle directory(Path name) {
      return new ByName(dir.resolve(name));
    }

    @Override
    public SeekableByteChannel file(Path name) throws IOException {
      return Files.newByteChannel(dir.resolve(name), READ_NO_FOLLOW);
    }

    @Override
    public void close() {
      // nothing is held open
    }
  }
}
