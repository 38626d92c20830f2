package io.runpack.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The members of the objects a {@link CanonicalTranscoder} is writing, as spans of its output: a
 * stack, since objects nest, of (key start, key end, value end, source offset) per member, with the
 * key's first eight bytes as one number, so most comparisons are one instruction. Keys compare by
 * their escaped bytes and closing quote (FORMAT §1); a finished object's members are put in that
 * order, and duplicate keys found, by its {@link MemberOrder}.
 */
final class ObjectMembers {

  private static final int FIELDS = 4;
  private static final VarHandle BIG_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private int[] spans = new int[FIELDS * 32];
  private long[] prefixes = new long[32];
  private int count;
  private final MemberOrder order;

  /** Members that sort each object on its own (a reader of one document). */
  ObjectMembers() {
    this(false);
  }

  /**
   * Members that, when {@code rememberShapes}, remember the shape of the objects they finish
   * ({@link KnownShapes}), for a caller that canonicalizes many records alike.
   */
  ObjectMembers(boolean rememberShapes) {
    this.order = new MemberOrder(this, rememberShapes);
  }

  /** The shapes remembered so far ({@link KnownShapes}), or null. */
  KnownShapes shapes() {
    return order.shapes();
  }

  /** Working memory for reading objects of known shapes whole ({@link KnownObjectReader}). */
  KnownObjectMemory knownObjects() {
    return order.memory();
  }

  /** Forgets every member, before a document. */
  void newDocument() {
    count = 0;
    order.newDocument();
  }

  /** True when finishing the object from {@code first} on may remember its shape. */
  boolean learnsShape(int first) {
    return order.learns(first);
  }

  /**
   * Finishes the object from {@code first} on ({@link MemberOrder#finish}): its members in
   * canonical order, rewritten in {@code buffer}, separated by commas as they were; returns a
   * member whose key repeats another's, or -1.
   */
  int finish(int first, boolean sorted, int shape, byte[] buffer, byte[] text) {
    return order.finish(first, sorted, shape, buffer, text);
  }

  /** Bytes of working memory held, whatever the number of members now. */
  long retainedBytes() {
    return 4L * spans.length + 8L * prefixes.length + order.retainedBytes();
  }

  /** Starts an object; returns the index of its first member. */
  int open() {
    return count;
  }

  /** Forgets the members of the object that started at {@code first}. */
  void close(int first) {
    count = first;
  }

  /**
   * Adds a member whose key (with its quotes) is {@code buffer[keyStart, keyEnd)}; returns its
   * index, for {@link #endValue}. Members of objects nested in its value come after it and are gone
   * again by the time its value ends.
   */
  int addKey(byte[] buffer, int keyStart, int keyEnd, int sourceOffset) {
    return addKey(keyStart, keyEnd, sourceOffset, prefix(buffer, keyStart + 1, keyEnd));
  }

  /**
   * Adds a member whose key will be {@code [keyStart, keyEnd)} of the output, its first eight bytes
   * {@code prefix} ({@link #prefix}); returns its index, as {@link #addKey(byte[], int, int, int)}
   * does.
   */
  int addKey(int keyStart, int keyEnd, int sourceOffset, long prefix) {
    if (count == prefixes.length) {
      prefixes = Arrays.copyOf(prefixes, count * 2);
      spans = Arrays.copyOf(spans, count * 2 * FIELDS);
    }
    int at = count * FIELDS;
    spans[at] = keyStart;
    spans[at + 1] = keyEnd;
    spans[at + 3] = sourceOffset;
    prefixes[count] = prefix;
    return count++;
  }

  /** The member added last that is still there: the one whose value is being read. */
  int last() {
    return count - 1;
  }

  void endValue(int member, int valueEnd) {
    spans[member * FIELDS + 2] = valueEnd;
  }

  /** The first eight bytes of {@code buffer[from, to)}, big-endian, zero-padded: their order. */
  static long prefix(byte[] buffer, int from, int to) {
    int n = Math.min(8, to - from);
    if (from + 8 <= buffer.length) {
      long eight = (long) BIG_ENDIAN_LONGS.get(buffer, from);
      return n == 8 ? eight : eight & (-1L << (8 * (8 - n)));
    }
    long prefix = 0;
    for (int i = 0; i < n; i++) {
      prefix = (prefix << 8) | (buffer[from + i] & 0xff);
    }
    return prefix << (8 * (8 - n));
  }

  int keyStart(int member) {
    return spans[member * FIELDS];
  }

  int keyEnd(int member) {
    return spans[member * FIELDS + 1];
  }

  int valueEnd(int member) {
    return spans[member * FIELDS + 2];
  }

  long prefix(int member) {
    return prefixes[member];
  }

  /** The refusal of the key of {@code member} (in {@code buffer}), which repeats another's. */
  JsonException duplicateKey(int member, byte[] buffer) {
    int start = keyStart(member) + 1;
    String key = new String(buffer, start, keyEnd(member) - 1 - start, StandardCharsets.UTF_8);
    return new JsonException(
        JsonError.DUPLICATE_KEY, "duplicate key \"" + key + "\" at byte " + keyOffset(member));
  }

  /** Members of the objects open now, nested ones included. */
  int count() {
    return count;
  }

  int keyOffset(int member) {
    return spans[member * FIELDS + 3];
  }

  /**
   * Sign of (first eight bytes of the key of {@code member} − those of the member before it);
   * positive for an object's first, 0 when the keys must be compared further ({@link
   * #compareWithPrevious}).
   */
  int comparePrefixWithPrevious(int first, int member) {
    return member == first ? 1 : Long.compareUnsigned(prefixes[member], prefixes[member - 1]);
  }

  /**
   * Sign of (key of {@code member} − key of the member before it); positive for an object's first.
   */
  int compareWithPrevious(int first, byte[] buffer, int member) {
    return member == first ? 1 : compare(buffer, member, member - 1);
  }

  /** Unsigned byte order of two spans of one buffer; keys are short, so a plain loop is fastest. */
  private static int compareKeys(byte[] buffer, int a, int aEnd, int b, int bEnd) {
    int n = Math.min(aEnd - a, bEnd - b);
    for (int i = 0; i < n; i++) {
      int x = buffer[a + i] & 0xff;
      int y = buffer[b + i] & 0xff;
      if (x != y) {
        return x - y;
      }
    }
    return (aEnd - a) - (bEnd - b);
  }

  /** A member from {@code first} on whose key repeats another's, or -1. */
  int duplicate(int first, byte[] buffer) {
    return order.duplicate(first, buffer);
  }

  /**
   * Key order. Keys end with their closing quote, which no key byte before it can be, so two
   * different keys differ at or before the shorter one's quote: equal prefixes mean both keys are
   * at least eight bytes long and share those eight.
   */
  int compare(byte[] buffer, int a, int b) {
    return compare(buffer, a, keyStart(a), b, keyStart(b));
  }

  /**
   * Key order, read from the JSON text where both keys were written as they are canonically
   * (without a backslash), at their source offsets.
   */
  int compareAsWritten(byte[] text, int a, int b) {
    return compare(text, a, keyOffset(a), b, keyOffset(b));
  }

  /** Key order of {@code a} and {@code b}, whose keys are at {@code aAt} and {@code bAt}. */
  private int compare(byte[] bytes, int a, int aAt, int b, int bAt) {
    int order = Long.compareUnsigned(prefixes[a], prefixes[b]);
    if (order != 0) {
      return order;
    }
    int aEnd = aAt + keyEnd(a) - keyStart(a);
    int bEnd = bAt + keyEnd(b) - keyStart(b);
    return compareKeys(bytes, aAt + 9, aEnd, bAt + 9, bEnd);
  }
}
