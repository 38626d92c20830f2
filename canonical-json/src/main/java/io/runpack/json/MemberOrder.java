package io.runpack.json;

/**
 * Puts a finished object's members in canonical order (FORMAT §1, "Objects": by their keys' escaped
 * UTF-8 bytes and closing quote) and finds a key given twice, in O(n log n) for n members: a stable
 * merge sort of the members' indexes (insertion sort for short runs), then their bytes moved in
 * place. With {@link KnownShapes}, an object whose names were recognized as a shape read before
 * takes that shape's order, and an object read the general way is remembered as a shape. Working
 * memory for the {@link ObjectMembers} it belongs to.
 */
final class MemberOrder {

  private static final int INSERTION_SORT_MAX = 12;

  private final ObjectMembers members;
  private final boolean rememberShapes;

  /**
   * Objects read before shapes are remembered: a document of a few objects (a request, an anchor
   * value) does not pay for the table.
   */
  private static final int SHAPES_AFTER = 32;

  /** Shapes of objects already read; made after {@link #SHAPES_AFTER} objects. */
  private KnownShapes shapes;

  private int objectsBeforeShapes;

  /** Working memory for reading objects of known shapes whole; made with the shapes. */
  private KnownObjectMemory memory;

  private int[] order = new int[0];
  private int[] mergeScratch = new int[0];
  private byte[] bytesScratch = new byte[0];

  MemberOrder(ObjectMembers members, boolean rememberShapes) {
    this.members = members;
    this.rememberShapes = rememberShapes;
  }

  /** Bytes of working memory held. */
  long retainedBytes() {
    return 4L * (order.length + mergeScratch.length)
        + bytesScratch.length
        + (shapes == null ? 0 : KnownShapes.RETAINED_BYTES + memory.retainedBytes());
  }

  /** The shapes remembered so far, or null. */
  KnownShapes shapes() {
    return shapes;
  }

  /**
   * Working memory for reading objects of those shapes whole ({@link KnownObjectReader}), or null.
   */
  KnownObjectMemory memory() {
    return memory;
  }

  /** Before a document ({@link KnownShapes#newDocument}). */
  void newDocument() {
    if (shapes != null) {
      shapes.newDocument();
    }
  }

  /** True when finishing the object from {@code first} on may remember its shape. */
  boolean learns(int first) {
    return rememberShapes && members.count() - first <= KnownShapes.MAX_MEMBERS;
  }

  /**
   * Finishes the object from {@code first} on, whose bytes are all in {@code buffer}: puts its
   * members in canonical order unless they arrived {@code sorted}, by the order of the known shape
   * {@code shape} when its names were that shape's and it is still known (negative: not), and
   * otherwise remembers its shape, unless {@code shape} says it was not looked up ({@link
   * KnownShapes#NOT_SOUGHT}; {@code text}: the JSON text read). Returns a member whose key repeats
   * another's, or -1.
   */
  int finish(int first, boolean sorted, int shape, byte[] buffer, byte[] text) {
    int n = members.count() - first;
    reserve(n);
    if (shape >= 0 && shapes.holds(shape)) {
      shapes.order(shape, n, first, order);
    } else {
      if (sorted) {
        for (int i = 0; i < n; i++) {
          order[i] = first + i;
        }
      } else {
        int duplicate = duplicate(first, buffer);
        if (duplicate >= 0) {
          return duplicate;
        }
      }
      // a sorted object comes here only to be learned (CanonicalTranscoder asked); an object not
      // looked up for want of credit is not (ShapeCredit)
      boolean learn = sorted || (shape != KnownShapes.NOT_SOUGHT && learns(first));
      if (learn && (shapes != null || ++objectsBeforeShapes == SHAPES_AFTER)) {
        if (shapes == null) {
          shapes = new KnownShapes();
          memory = new KnownObjectMemory();
        }
        shapes.learn(members, first, n, order, text);
      }
    }
    if (!sorted) {
      move(first, buffer);
    }
    return -1;
  }

  private void reserve(int n) {
    if (order.length < n) {
      order = new int[Math.max(n, Math.max(16, order.length * 2))];
      mergeScratch = new int[order.length];
    }
  }

  /** Moves the members' bytes from {@code first} on into {@code order[0, n)}. */
  private void move(int first, byte[] buffer) {
    int n = members.count() - first;
    int moved = 0; // members already in their place keep their bytes where they are
    while (order[moved] == first + moved) {
      moved++;
    }
    int base = members.keyStart(first + moved);
    int length = members.valueEnd(members.count() - 1) - base;
    if (bytesScratch.length < length) {
      bytesScratch = new byte[Math.max(length, Math.max(256, bytesScratch.length * 2))];
    }
    System.arraycopy(buffer, base, bytesScratch, 0, length);
    int to = base;
    for (int i = moved; i < n; i++) {
      int member = order[i];
      int from = members.keyStart(member);
      int size = members.valueEnd(member) - from;
      ByteOutput.copy(bytesScratch, from - base, buffer, to, size);
      to += size;
      if (i + 1 < n) {
        buffer[to++] = ',';
      }
    }
  }

  /**
   * A member from {@code first} on whose key repeats another's, or -1; found by sorting the
   * members' order (not their bytes), in O(n log n).
   */
  int duplicate(int first, byte[] buffer) {
    int n = members.count() - first;
    reserve(n);
    for (int i = 0; i < n; i++) {
      order[i] = first + i;
    }
    sort(buffer, 0, n);
    for (int i = 1; i < n; i++) {
      if (members.compare(buffer, order[i - 1], order[i]) == 0) {
        return order[i];
      }
    }
    return -1;
  }

  /** Stable merge sort of order[from, to), insertion sort for short runs. */
  private void sort(byte[] buffer, int from, int to) {
    if (to - from <= INSERTION_SORT_MAX) {
      for (int i = from + 1; i < to; i++) {
        int member = order[i];
        int j = i - 1;
        while (j >= from && members.compare(buffer, order[j], member) > 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = member;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sort(buffer, from, mid);
    sort(buffer, mid, to);
    if (members.compare(buffer, order[mid - 1], order[mid]) <= 0) {
      return;
    }
    System.arraycopy(order, from, mergeScratch, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && members.compare(buffer, mergeScratch[i], mergeScratch[j]) <= 0)) {
        order[k] = mergeScratch[i++];
      } else {
        order[k] = mergeScratch[j++];
      }
    }
  }
}
