package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.out.RunpackReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A runpack held in memory, read by path with the reader contract of the stored ones (unsafe path,
 * missing file, size limit): what the exporter verifies before anything is written.
 */
public final class InMemoryRunpack implements RunpackReader {

  private final Map<String, byte[]> files;

  private InMemoryRunpack(Map<String, byte[]> files) {
    this.files = files;
  }

  static InMemoryRunpack of(List<RunpackFile> contents) {
    Map<String, byte[]> files = new HashMap<>();
    contents.forEach(f -> files.put(f.path().value(), f.bytes()));
    return new InMemoryRunpack(files);
  }

  /** A reader over {@code files} (path to bytes), which it reads as they are at each call. */
  public static InMemoryRunpack over(Map<String, byte[]> files) {
    return new InMemoryRunpack(files);
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    String problem = RunpackPath.problemWith(path);
    if (problem != null) {
      throw new RunpackException(ErrorCode.INVALID_REQUEST, "unsafe path: " + problem);
    }
    byte[] bytes = files.get(path);
    if (bytes == null) {
      throw new RunpackException(ErrorCode.FILE_NOT_FOUND, "no such file");
    }
    if (bytes.length > maxBytes) {
      throw new RunpackException(
          ErrorCode.LIMIT_EXCEEDED, "larger than the limit of " + maxBytes + " bytes");
    }
    return bytes;
  }
}
