package io.runpack.json;

/**
 * Puts a finished object's members in canonical order (FORMAT §1, "Objects": by their keys' escaped
 * UTF-8 bytes and closing quote) and finds a key given twice, in O(n log n) for n members: a stable
 * merge sort of the members' indexes (insertion sort for short runs), then their bytes moved in
 * place. With {@link KnownKeyOrders}, an object shaped like one sorted before takes that order once
 * it is checked. Working memory for the {@link ObjectMembers} it belongs to.
 */
final class MemberOrder {

  private static final int INSERTION_SORT_MAX = 12;

  private final ObjectMembers members;
  private final boolean rememberKeyOrders;

  /** Key orders of objects already sorted; made when the first is remembered. */
  private KnownKeyOrders known;

  private int[] order = new int[0];
  private int[] mergeScratch = new int[0];
  private byte[] bytesScratch = new byte[0];

  MemberOrder(ObjectMembers members, boolean rememberKeyOrders) {
    this.members = members;
    this.rememberKeyOrders = rememberKeyOrders;
  }

  /** Bytes of working memory held. */
  long retainedBytes() {
    return 4L * (order.length + mergeScratch.length) + bytesScratch.length;
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
    int n = members.count() - first;
    if (order.length < n) {
      order = new int[Math.max(n, Math.max(16, order.length * 2))];
      mergeScratch = new int[order.length];
    }
    if (known != null && known.recall(members, first, n, order) && tiesInOrder(buffer, n)) {
      return -1; // the order of an object of the same shape, and no key twice
    }
    for (int i = 0; i < n; i++) {
      order[i] = first + i;
    }
    sort(buffer, 0, n);
    for (int i = 1; i < n; i++) {
      if (members.compare(buffer, order[i - 1], order[i]) == 0) {
        return order[i];
      }
    }
    if (rememberKeyOrders && n <= KnownKeyOrders.MAX_MEMBERS) {
      if (known == null) {
        known = new KnownKeyOrders();
      }
      known.remember(members, first, n, order);
    }
    return -1;
  }

  /**
   * Whether a recalled {@code order[0, n)} holds for these keys: the prefixes are the remembered
   * ones, so neighbours with different prefixes are in order; neighbours whose prefixes tie are
   * compared in full, and must differ.
   */
  private boolean tiesInOrder(byte[] buffer, int n) {
    for (int i = 1; i < n; i++) {
      int a = order[i - 1];
      int b = order[i];
      if (members.prefix(a) == members.prefix(b) && members.compare(buffer, a, b) >= 0) {
        return false;
      }
    }
    return true;
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
