package io.runpack.json;

/**
 * A JSON array assembled from values held canonical, one at a time, and held itself as its
 * canonical bytes ({@link JsonCanonical}): a store that reads a log record by record keeps the
 * log's bytes, not an object per record. The result is the same as writing a {@link JsonArray} of
 * the same elements canonically (FORMAT §1: elements keep their order, joined by commas).
 *
 * <p>Not thread-safe; {@link #build()} once.
 */
public final class CanonicalArray {

  private final ByteOutput out = new ByteOutput(Integer.MAX_VALUE - 8);
  private int size;
  private int depth = 1;

  public CanonicalArray() {
    out.write('[');
  }

  /** Appends {@code element}, whose bytes are copied. */
  public void add(JsonCanonical element) {
    if (size > 0) {
      out.write(',');
    }
    out.write(element.bytes());
    depth = Math.max(depth, element.depth() + 1);
    size++;
  }

  /** Elements added so far. */
  public int size() {
    return size;
  }

  /** The array, as exactly the bytes its canonical form has. */
  public JsonCanonical build() {
    out.write(']');
    return new JsonCanonical(out.toByteArray(), depth);
  }
}
