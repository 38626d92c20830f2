package io.runpack.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The members of the objects a {@link CanonicalTranscoder} is writing, as spans of its output: a
 * stack, since objects nest, of (key start, key end, value end, source offset) per member, with the
 * key's first eight bytes as one number, so most comparisons are one instruction. It orders a
 * finished object's members by their escaped key bytes and closing quote (FORMAT §1) by moving
 * their bytes in place, and finds duplicate keys, in O(n log n) for n members.
 */
final class ObjectMembers {

  private static final int FIELDS = 4;
  private static final VarHandle BIG_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int INSERTION_SORT_MAX = 12;

  private int[] spans = new int[FIELDS * 32];
  private long[] prefixes = new long[32];
  private int count;
  private int[] order = new int[0];
  private int[] mergeScratch = new int[0];
  private byte[] bytesScratch = new byte[0];

  /** Bytes of working memory held, whatever the number of members now. */
  long retainedBytes() {
    return 4L * spans.length
        + 8L * prefixes.length
        + 4L * (order.length + mergeScratch.length)
        + bytesScratch.length;
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
    if (count == prefixes.length) {
      prefixes = Arrays.copyOf(prefixes, count * 2);
      spans = Arrays.copyOf(spans, count * 2 * FIELDS);
    }
    int at = count * FIELDS;
    spans[at] = keyStart;
    spans[at + 1] = keyEnd;
    spans[at + 3] = sourceOffset;
    prefixes[count] = prefix(buffer, keyStart + 1, keyEnd);
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
  private static long prefix(byte[] buffer, int from, int to) {
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

  int keyOffset(int member) {
    return spans[member * FIELDS + 3];
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

  /**
   * Sorts the members from {@code first} on, rewriting their bytes in {@code buffer} (separated by
   * commas, as they were); returns a member whose key repeats the previous one, or -1.
   */
  int sortInPlace(int first, byte[] buffer) {
    int duplicate = duplicate(first, buffer);
    if (duplicate >= 0) {
      return duplicate;
    }
    int n = count - first;
    int moved = 0; // members already in their place keep their bytes where they are
    while (order[moved] == first + moved) {
      moved++;
    }
    int base = keyStart(first + moved);
    int length = spans[(count - 1) * FIELDS + 2] - base;
    if (bytesScratch.length < length) {
      bytesScratch = new byte[Math.max(length, Math.max(256, bytesScratch.length * 2))];
    }
    System.arraycopy(buffer, base, bytesScratch, 0, length);
    int to = base;
    for (int i = moved; i < n; i++) {
      int member = order[i];
      int from = keyStart(member);
      int size = spans[member * FIELDS + 2] - from;
      System.arraycopy(bytesScratch, from - base, buffer, to, size);
      to += size;
      if (i + 1 < n) {
        buffer[to++] = ',';
      }
    }
    return -1;
  }

  /**
   * A member from {@code first} on whose key repeats another's, or -1; found by sorting the
   * members' order (not their bytes), in O(n log n).
   */
  int duplicate(int first, byte[] buffer) {
    int n = count - first;
    if (order.length < n) {
      order = new int[Math.max(n, Math.max(16, order.length * 2))];
      mergeScratch = new int[order.length];
    }
    for (int i = 0; i < n; i++) {
      order[i] = first + i;
    }
    sort(buffer, 0, n);
    for (int i = 1; i < n; i++) {
      if (compare(buffer, order[i - 1], order[i]) == 0) {
        return order[i];
      }
    }
    return -1;
  }

  /**
   * Key order. Keys end with their closing quote, which no key byte before it can be, so two
   * different keys differ at or before the shorter one's quote: equal prefixes mean both keys are
   * at least eight bytes long and share those eight.
   */
  private int compare(byte[] buffer, int a, int b) {
    int order = Long.compareUnsigned(prefixes[a], prefixes[b]);
    if (order != 0) {
      return order;
    }
    return compareKeys(buffer, keyStart(a) + 9, keyEnd(a), keyStart(b) + 9, keyEnd(b));
  }

  /** Stable merge sort of order[from, to), insertion sort for short runs. */
  private void sort(byte[] buffer, int from, int to) {
    if (to - from <= INSERTION_SORT_MAX) {
      for (int i = from + 1; i < to; i++) {
        int member = order[i];
        int j = i - 1;
        while (j >= from && compare(buffer, order[j], member) > 0) {
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
    if (compare(buffer, order[mid - 1], order[mid]) <= 0) {
      return;
    }
    System.arraycopy(order, from, mergeScratch, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && compare(buffer, mergeScratch[i], mergeScratch[j]) <= 0)) {
        order[k] = mergeScratch[i++];
      } else {
        order[k] = mergeScratch[j++];
      }
    }
  }
}
