package io.runpack.domain.fake;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.out.RunpackReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link RunpackReader} port over a map of path to bytes, with the port's contract (unsafe
 * path, missing file, size limit, each a short reason) and failures that tests configure per path.
 * Records every read with the limit it was given.
 */
public final class FakeRunpackReader implements RunpackReader {

  /** One read: the path asked for and the byte limit given. */
  public record Read(String path, int maxBytes) {}

  private final Map<String, byte[]> files;
  private final Map<String, RunpackException> failures = new HashMap<>();
  private final List<Read> reads = new ArrayList<>();

  public FakeRunpackReader(Map<String, byte[]> files) {
    this.files = new HashMap<>(files);
  }

  /** Reading {@code path} fails with {@code error}. */
  public FakeRunpackReader failing(String path, RunpackException error) {
    failures.put(path, error);
    return this;
  }

  @Override
  public byte[] read(String path, int maxBytes) {
    reads.add(new Read(path, maxBytes));
    if (RunpackPath.problemWith(path) != null) {
      throw new RunpackException(ErrorCode.INVALID_REQUEST, "unsafe path");
    }
    RunpackException failure = failures.get(path);
    if (failure != null) {
      throw failure;
    }
    byte[] bytes = files.get(path);
    if (bytes == null) {
      throw new RunpackException(ErrorCode.FILE_NOT_FOUND, "no such file");
    }
    if (bytes.length > maxBytes) {
      throw new RunpackException(ErrorCode.LIMIT_EXCEEDED, "over " + maxBytes + " bytes");
    }
    return bytes.clone();
  }

  public List<Read> reads() {
    return List.copyOf(reads);
  }

  /** The paths read, in order. */
  public List<String> pathsRead() {
    return reads.stream().map(Read::path).toList();
  }
}
