package io.runpack.domain.model;

import java.util.Objects;

/**
 * One file of a runpack ready to be stored: its safe relative path, its canonical bytes and their
 * SHA-256 (the digest storage adapters hand to the store so it can check the bytes it receives).
 * The bytes are not copied: treat them as immutable.
 */
public record RunpackFile(RunpackPath path, byte[] bytes, HashDigest hash) {

  public RunpackFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(hash, "hash");
  }

  public static RunpackFile of(String path, byte[] bytes) {
    return new RunpackFile(RunpackPath.of(path), bytes, Sha256.of(bytes));
  }
}
