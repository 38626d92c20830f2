package io.runpack.json;

import java.util.Arrays;

/**
 * Working memory of {@link KnownObjectReader}: the members of the objects being read whole (a
 * stack, since they nest), each its name's place in the text, where its value ends and the first of
 * its rewrites; the rewrites themselves, in text order: spans of the text whose canonical form
 * differs (a number, FORMAT §1 "Numbers"; an object whose members are to be put in order, FORMAT §1
 * "Objects"), each with its canonical bytes, written aside until the outermost object is read; and
 * how the objects of each shape fared lately. Kept by a {@link Canonicalizer} with its shapes; at
 * most {@link #MAX_ASIDE_BYTES} set aside and {@link #MAX_REWRITES} noted, past which the general
 * way reads on.
 */
final class KnownObjectMemory {

  /** Most canonical bytes set aside for one outermost object. */
  static final int MAX_ASIDE_BYTES = 1 << 16;

  /** Most rewrites noted for one outermost object (their table stays at 64 KiB at most). */
  static final int MAX_REWRITES = 1 << 12;

  /**
   * A failed reading costs the text read before the failure, a successful one saves a part of the
   * general way's time: objects of a shape are read whole unless about one in three of the last
   * failed ({@link #skips}), and then one in {@link #RETRY}, to see whether they still do.
   */
  private static final int FAILURE_WEIGHT = 3;

  private static final int SKIP_AT = 8;
  private static final int RETRY = 16;

  private int[] names = new int[64];
  private int[] valueEnds = new int[64];
  private int[] firstRewrites = new int[64];
  private int members;

  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private int[] asideStarts = new int[64];
  private int[] asideEnds = new int[64];
  private int rewrites;

  private final ByteOutput aside = new ByteOutput(Integer.MAX_VALUE - 8);
  private final int[] order = new int[KnownShapes.MAX_MEMBERS];

  /**
   * Per slot of {@link KnownShapes}, how its objects fared lately: up by {@link #FAILURE_WEIGHT} at
   * a failure, down by one at a success.
   */
  private final int[] failures = new int[KnownShapes.SLOTS];

  private int retries;

  /** Outermost objects read whole so far. */
  private long readWhole;

  /** True when an object of {@code shape} is not to be read whole: too many of late failed. */
  boolean skips(int shape) {
    return failures[shape & (KnownShapes.SLOTS - 1)] >= SKIP_AT && ++retries % RETRY != 0;
  }

  /** The outcome of reading an object of {@code shape} whole. */
  void read(int shape, boolean whole) {
    int slot = shape & (KnownShapes.SLOTS - 1);
    if (whole) {
      failures[slot] = Math.max(0, failures[slot] - 1);
      readWhole++;
    } else {
      failures[slot] = Math.min(4 * SKIP_AT, failures[slot] + FAILURE_WEIGHT);
    }
  }

  /** Outermost objects read whole so far. */
  long readWhole() {
    return readWhole;
  }

  /** Where the general way would have written the output up to, in the object read; or -1. */
  private int lastWrite;

  /** Starts an outermost object. */
  void clear() {
    members = 0;
    rewrites = 0;
    lastWrite = -1;
    aside.truncate(0);
  }

  /** Notes that the general way writes the output up to {@code at} (in text order). */
  void wrote(int at) {
    lastWrite = at;
  }

  /** Where the general way would have written the output up to; or -1. */
  int lastWrite() {
    return lastWrite;
  }

  /** Starts an object; returns the index its first member will have. */
  int openObject() {
    return members;
  }

  /** Forgets the members of the object whose first member was {@code first}. */
  void closeObject(int first) {
    members = first;
  }

  /** Adds a member whose name is at {@code name}; returns its index. */
  int addMember(int name) {
    if (members == names.length) {
      names = Arrays.copyOf(names, members * 2);
      valueEnds = Arrays.copyOf(valueEnds, members * 2);
      firstRewrites = Arrays.copyOf(firstRewrites, members * 2);
    }
    names[members] = name;
    firstRewrites[members] = rewrites;
    return members++;
  }

  void valueEnd(int member, int valueEnd) {
    valueEnds[member] = valueEnd;
  }

  /**
   * Sets aside the canonical form of the number {@code text[start, end)} ({@link
   * CanonicalNumbers#write}, which may refuse it); false when too much is set aside already.
   */
  boolean rewriteNumber(byte[] text, int start, int end, boolean integer) {
    int at = aside.size();
    CanonicalNumbers.write(text, start, end, integer, aside);
    return addRewrite(start, end, at);
  }

  /**
   * Sets aside the object from {@code start} to {@code end} with its members (from {@code first}
   * on) in the order of {@code shape}'s names ({@link #writeObject}), in place of the rewrites
   * within it; false when too much is set aside already.
   */
  boolean rewriteObject(byte[] text, int start, int end, int first, KnownShapes shapes, int shape) {
    if (2L * aside.size() + (end - start) > MAX_ASIDE_BYTES) {
      return false; // its canonical bytes are at most its own and those set aside within it
    }
    int at = aside.size();
    writeObject(text, first, shapes, shape, aside);
    rewrites = firstRewrites[first];
    return addRewrite(start, end, at);
  }

  /**
   * Writes to {@code out} the object whose members are those from {@code first} on, in the order of
   * {@code shape}'s first names, each in canonical form.
   */
  private void writeObject(byte[] text, int first, KnownShapes shapes, int shape, ByteOutput out) {
    int n = members - first;
    shapes.order(shape, n, 0, order);
    out.write('{');
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        out.write(',');
      }
      int member = first + order[k];
      int last = member + 1 < members ? firstRewrites[member + 1] : rewrites;
      write(text, names[member], valueEnds[member], firstRewrites[member], last, out);
    }
    out.write('}');
  }

  private boolean addRewrite(int start, int end, int asideStart) {
    if (rewrites == MAX_REWRITES) {
      return false;
    }
    if (rewrites == starts.length) {
      starts = Arrays.copyOf(starts, rewrites * 2);
      ends = Arrays.copyOf(ends, rewrites * 2);
      asideStarts = Arrays.copyOf(asideStarts, rewrites * 2);
      asideEnds = Arrays.copyOf(asideEnds, rewrites * 2);
    }
    starts[rewrites] = start;
    ends[rewrites] = end;
    asideStarts[rewrites] = asideStart;
    asideEnds[rewrites] = aside.size();
    rewrites++;
    return aside.size() <= MAX_ASIDE_BYTES;
  }

  /** Writes {@code text[from, to)} to {@code out} in canonical form: every rewrite within it. */
  void write(byte[] text, int from, int to, ByteOutput out) {
    write(text, from, to, 0, rewrites, out);
  }

  /** Writes {@code text[from, to)}, within which are rewrites {@code first} to {@code last}. */
  private void write(byte[] text, int from, int to, int first, int last, ByteOutput out) {
    int at = from;
    for (int r = first; r < last; r++) {
      out.write(text, at, starts[r] - at);
      out.write(aside.buffer(), asideStarts[r], asideEnds[r] - asideStarts[r]);
      at = ends[r];
    }
    out.write(text, at, to - at);
  }

  /** Bytes of working memory held. */
  long retainedBytes() {
    return 4L * (3 * names.length + 4 * starts.length) + aside.buffer().length;
  }
}
