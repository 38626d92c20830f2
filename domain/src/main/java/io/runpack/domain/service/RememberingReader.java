package io.runpack.domain.service;

import io.runpack.domain.model.HashDigest;
import io.runpack.domain.port.out.RunpackReader;
import java.util.Optional;

/**
 * A reader that keeps the first bytes it read of one path (the manifest), so that what verification
 * checked and what the signature is checked against are the same bytes, read once.
 */
final class RememberingReader implements RunpackReader {

  private final RunpackReader source;
  private final String path;
  private byte[] remembered;

  RememberingReader(RunpackReader source, String path) {
    this.source = source;
    this.path = path;
  }

  @Override
  public byte[] read(String requested, int maxBytes) {
    byte[] bytes = source.read(requested, maxBytes);
    if (remembered == null && requested.equals(path)) {
      remembered = bytes;
    }
    return bytes;
  }

  @Override
  public HashDigest sha256(String requested, int maxBytes) {
    return source.sha256(requested, maxBytes);
  }

  /** The bytes first read of the path, if it was read. */
  Optional<byte[]> remembered() {
    return Optional.ofNullable(remembered);
  }
}
