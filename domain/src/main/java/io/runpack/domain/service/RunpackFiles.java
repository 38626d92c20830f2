package io.runpack.domain.service;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.Sha256;
import io.runpack.domain.port.out.RunpackReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The files of one runpack as one verification reads them (FORMAT §3.2–3.5): each distinct path
 * read and hashed at most once, however often the manifest lists it; the few files the verifier
 * parses read whole once, and hashed from the very bytes it checks. Every read is bounded by {@link
 * Limits#MAX_ARTIFACT_BYTES}. A failure is kept as its message (the reader's short reason), never
 * as an exception, so a manifest of many failing entries costs little memory.
 */
final class RunpackFiles {

  /** A file's digest, or why it could not be read. */
  record Digest(HashDigest hash, String failure) {}

  /** A file's bytes, or why it could not be read. */
  record Content(byte[] bytes, String failure) {}

  private final RunpackReader reader;
  private final Set<String> parsed;
  private final Map<String, Digest> digests = new HashMap<>();
  private final Map<String, Content> contents = new HashMap<>();

  /** {@code parsed}: the paths the verifier will read whole. */
  RunpackFiles(RunpackReader reader, Set<String> parsed) {
    this.reader = reader;
    this.parsed = parsed;
  }

  Digest sha256(String path) {
    Digest known = digests.get(path);
    if (known != null) {
      return known;
    }
    Digest digest;
    if (parsed.contains(path)) {
      Content content = content(path);
      digest =
          content.failure() == null
              ? new Digest(Sha256.of(content.bytes()), null)
              : new Digest(null, content.failure());
    } else {
      try {
        digest = new Digest(reader.sha256(path, Limits.MAX_ARTIFACT_BYTES), null);
      } catch (RunpackException e) {
        digest = new Digest(null, e.getMessage());
      }
    }
    digests.put(path, digest);
    return digest;
  }

  /** The whole bytes of one of the parsed paths, read once. */
  Content content(String path) {
    Content known = contents.get(path);
    if (known != null) {
      return known;
    }
    Content content;
    try {
      content = new Content(reader.read(path, Limits.MAX_ARTIFACT_BYTES), null);
    } catch (RunpackException e) {
      content = new Content(null, e.getMessage());
    }
    contents.put(path, content);
    return content;
  }

  /** Lets the bytes of a parsed path go once it has been checked. */
  void release(String path) {
    contents.remove(path);
  }
}
