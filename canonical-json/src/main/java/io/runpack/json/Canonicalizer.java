package io.runpack.json;

/**
 * Strict JSON text to Decision Gate's canonical bytes (FORMAT §1; RFC 8785 with exact 64-bit
 * integers), in one pass and without building a tree ({@link CanonicalTranscoder}), with working
 * memory the caller owns: the stack of open containers (at most {@link CanonicalJson#MAX_DEPTH}
 * deep), the member spans of the objects being sorted and an output buffer, each of these two kept
 * from one call to the next while it is at most {@link #KEPT_BUFFER_BYTES}, so that a caller
 * canonicalizing many small records (a run store loading a log) allocates little more than their
 * results; and the shapes of the objects read so far ({@link KnownShapes}, a table of about 22 KB
 * made once a few dozen objects have been read), so that records alike are read faster.
 *
 * <p>Not thread-safe: hold one per thread or per task (e.g. one per run loaded). For one document
 * now and then, {@link CanonicalJson#canonicalize} makes one for the call.
 */
public final class Canonicalizer {

  /** Largest output buffer (and member working memory) an instance keeps between calls. */
  public static final int KEPT_BUFFER_BYTES = 1 << 20;

  private ObjectMembers members = new ObjectMembers(true);
  private final OpenContainers open = new OpenContainers();
  private byte[] buffer = new byte[4096];

  /**
   * The canonical bytes of {@code json}: the same bytes as decoding it strictly and calling {@link
   * CanonicalJson#toBytes(JsonValue, int)}, and the same refusals, each naming the byte offset.
   *
   * @throws JsonException for text that is not strict JSON or has no canonical form, or output over
   *     {@code maxBytes}
   */
  public byte[] canonicalize(byte[] json, int maxBytes) {
    return canonicalValue(json, maxBytes).bytes();
  }

  /** JSON text as a value held in canonical form, for values that are written but never read. */
  public JsonCanonical canonicalValue(byte[] json, int maxBytes) {
    // Canonical text is rarely longer than its source: one buffer of that size usually suffices.
    int capacity = Math.min(Math.max(json.length, 16), maxBytes);
    ByteOutput out =
        capacity <= buffer.length
            ? new ByteOutput(maxBytes, buffer)
            : new ByteOutput(maxBytes, capacity);
    try {
      return CanonicalTranscoder.transcode(json, out, members, open);
    } finally {
      if (out.buffer().length <= KEPT_BUFFER_BYTES && out.buffer().length > buffer.length) {
        buffer = out.buffer();
      }
      if (members.retainedBytes() > KEPT_BUFFER_BYTES) {
        members = new ObjectMembers(true); // after a huge object: do not keep its working memory
      }
    }
  }
}
