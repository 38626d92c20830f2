package io.runpack.adapters.filesystem;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Why a file system operation failed, as a person reads it ("permission denied", "no space left on
 * device"), for the one-line messages of typed errors: never a Java class name, which says nothing
 * to a user and is not a stable part of any message.
 */
public final class IoReasons {

  private IoReasons() {}

  /** The reason, without the file it concerns ({@link #file}). */
  public static String of(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof FileSystemLoopException) {
      return "too many levels of symbolic links";
    }
    if (e instanceof NotLinkException) {
      return "not a symbolic link";
    }
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null ? lowerFirst(fs.getReason()) : "input/output error";
    }
    return e.getMessage() != null ? e.getMessage() : "input/output error";
  }

  /** The system's "No space left on device" as the other reasons read: "no space left …". */
  private static String lowerFirst(String reason) {
    return reason.isEmpty()
        ? reason
        : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
  }

  /** The file the failure concerns, when the exception names one; else null. */
  public static String file(IOException e) {
    return e instanceof FileSystemException fs ? fs.getFile() : null;
  }

  /**
   * The reason, and the file it concerns when that is not {@code about}: "permission denied: /x".
   */
  public static String of(IOException e, String about) {
    String file = file(e);
    return file == null || file.equals(about) ? of(e) : of(e) + ": " + file;
  }
}
