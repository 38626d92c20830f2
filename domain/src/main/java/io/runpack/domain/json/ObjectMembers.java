package io.runpack.domain.json;

import java.util.Arrays;

/**
 * The members of the objects a {@link CanonicalTranscoder} is writing, as spans of its output:
 * a stack, since objects nest, of (key start, key end, value end, source offset) per member. It
 * orders a finished object's members by their escaped key bytes and closing quote (FORMAT §1)
 * by moving their bytes in place, and finds duplicate keys, in O(n log n) for n members.
 */
final class ObjectMembers {

  private static final int FIELDS = 4;
  private static final int INSERTION_SORT_MAX = 12;

  private int[] spans = new int[FIELDS * 64];
  private int count;
  private int[] order = new int[16];
  private int[] mergeScratch = new int[16];
  private byte[] bytesScratch = new byte[256];

  /** Starts an object; returns the index of its first member. */
  int open() {
    return count;
  }

  /** Forgets the members of the object that started at {@code first}. */
  void close(int first) {
    count = first;
  }

  void add(int keyStart, int keyEnd, int valueEnd, int sourceOffset) {
    if ((count + 1) * FIELDS > spans.length) {
      spans = Arrays.copyOf(spans, spans.length * 2);
    }
    int at = count * FIELDS;
    spans[at] = keyStart;
    spans[at + 1] = keyEnd;
    spans[at + 2] = valueEnd;
    spans[at + 3] = sourceOffset;
    count++;
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

  /** Sign of (new key − last key of this object); positive when there is no last key yet. */
  int compareWithLast(int first, byte[] buffer, int keyStart, int keyEnd) {
    if (count == first) {
      return 1;
    }
    int last = count - 1;
    return Arrays.compareUnsigned(buffer, keyStart, keyEnd, buffer, keyStart(last), keyEnd(last));
  }

  /**
   * Sorts the members from {@code first} on, rewriting their bytes in {@code buffer} (separated
   * by commas, as they were); returns a member whose key repeats the previous one, or -1.
   */
  int sortInPlace(int first, byte[] buffer) {
    int n = count - first;
    if (order.length < n) {
      order = new int[Math.max(n, order.length * 2)];
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
    int base = keyStart(first);
    int length = spans[(count - 1) * FIELDS + 2] - base;
    if (bytesScratch.length < length) {
      bytesScratch = new byte[Math.max(length, bytesScratch.length * 2)];
    }
    System.arraycopy(buffer, base, bytesScratch, 0, length);
    int to = base;
    for (int i = 0; i < n; i++) {
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

  private int compare(byte[] buffer, int a, int b) {
    return Arrays.compareUnsigned(buffer, keyStart(a), keyEnd(a), buffer, keyStart(b), keyEnd(b));
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
