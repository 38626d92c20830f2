package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.port.out.RunpackReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A runpack held in memory, read by path: what the exporter verifies before anything is written.
 * Paths are matched exactly, so an unsafe path simply is not found.
 */
final class InMemoryRunpack implements RunpackReader {

  private final Map<String, byte[]> files = new HashMap<>();

  InMemoryRunpack(List<RunpackFile> contents) {
    contents.forEach(f -> files.put(f.path().value(), f.bytes()));
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    byte[] bytes = files.get(path);
    if (bytes == null) {
      throw new RunpackException(ErrorCode.FILE_NOT_FOUND, "no such file");
    }
    if (bytes.length > maxBytes) {
      throw new RunpackException(ErrorCode.LIMIT_EXCEEDED, "larger than the limit of " + maxBytes + " bytes");
    }
    return bytes;
  }
}
