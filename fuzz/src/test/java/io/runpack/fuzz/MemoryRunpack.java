package io.runpack.fuzz;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.out.RunpackReader;
import io.runpack.testsupport.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** A runpack as a map of path to bytes, read with the same contract as the real readers. */
final class MemoryRunpack implements RunpackReader {

  final Map<String, byte[]> files;

  MemoryRunpack(Map<String, byte[]> files) {
    this.files = new TreeMap<>(files);
  }

  static MemoryRunpack of(Path directory) {
    return new MemoryRunpack(Fixtures.readTree(directory));
  }

  MemoryRunpack copy() {
    Map<String, byte[]> copy = new TreeMap<>();
    files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
    return new MemoryRunpack(copy);
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
      throw new RunpackException(ErrorCode.LIMIT_EXCEEDED, "larger than the limit of " + maxBytes + " bytes");
    }
    return bytes;
  }
}
