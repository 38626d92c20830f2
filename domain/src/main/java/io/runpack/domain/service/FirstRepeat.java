package io.runpack.domain.service;

import java.util.Arrays;

/**
 * Among byte strings added in order, finds the first that equals one added before it, by sorting:
 * O(n log n) comparisons whatever the strings (no hash an attacker could make collide), and about
 * twenty bytes of memory per string besides its bytes.
 */
final class FirstRepeat {

  private byte[] bytes = new byte[1024];
  private int size;
  private int[] starts = new int[64];
  private int count;

  void add(byte[] item) {
    if (count + 1 >= starts.length) {
      starts = Arrays.copyOf(starts, starts.length * 2);
    }
    if (size + item.length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + item.length, bytes.length * 2));
    }
    System.arraycopy(item, 0, bytes, size, item.length);
    starts[count++] = size;
    size += item.length;
    starts[count] = size;
  }

  /** The index of the first string equal to an earlier one, or -1 when all differ. */
  int firstRepeat() {
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    sort(order, new int[count], 0, count);
    int first = -1;
    for (int i = 1; i < count; i++) {
      // equal strings stay in the order they were added: the second of a run is its first repeat
      if (compare(order[i - 1], order[i]) == 0
          && (i < 2 || compare(order[i - 2], order[i]) != 0)
          && (first < 0 || order[i] < first)) {
        first = order[i];
      }
    }
    return first;
  }

  byte[] item(int index) {
    return Arrays.copyOfRange(bytes, starts[index], starts[index + 1]);
  }

  private int compare(int a, int b) {
    return Arrays.compareUnsigned(bytes, starts[a], starts[a + 1], bytes, starts[b], starts[b + 1]);
  }

  /** Stable merge sort of order[from, to). */
  private void sort(int[] order, int[] scratch, int from, int to) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    sort(order, scratch, from, mid);
    sort(order, scratch, mid, to);
    if (compare(order[mid - 1], order[mid]) <= 0) {
      return;
    }
    System.arraycopy(order, from, scratch, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < mid && compare(scratch[i], scratch[j]) <= 0)) {
        order[k] = scratch[i++];
      } else {
        order[k] = scratch[j++];
      }
    }
  }
}
