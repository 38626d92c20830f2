package io.runpack.json;

/**
 * The key orders (FORMAT §1, "Objects": members sorted by their keys' escaped UTF-8 bytes) of
 * objects already sorted, remembered by their keys' first eight bytes in the order they arrived:
 * records of one log repeat a few shapes (Decision Gate writes its structs' fields in declaration
 * order), so the next object of a shape already seen takes the order it had instead of being sorted
 * again. A recalled order is a guess that {@link ObjectMembers} checks before it trusts it: equal
 * prefixes only say that keys begin alike, so members whose prefixes tie are compared in full.
 *
 * <p>A small table of fixed size, filled as objects close (a new shape takes the place of an older
 * one that falls in the same slot), for objects of at most {@link #MAX_MEMBERS} members.
 */
final class KnownKeyOrders {

  /** The largest object remembered; larger ones are sorted each time. */
  static final int MAX_MEMBERS = 16;

  private static final int SLOTS = 32;

  private final int[] sizes = new int[SLOTS]; // 0: an empty slot
  private final long[] prefixes = new long[SLOTS * MAX_MEMBERS];
  private final byte[] orders = new byte[SLOTS * MAX_MEMBERS];

  /**
   * Writes into {@code order[0, n)} the order remembered for objects whose members' key prefixes
   * are those of the members {@code first} to {@code first + n}; false when none is.
   */
  boolean recall(ObjectMembers members, int first, int n, int[] order) {
    if (n > MAX_MEMBERS) {
      return false;
    }
    int slot = slot(members, first, n);
    if (sizes[slot] != n) {
      return false;
    }
    int at = slot * MAX_MEMBERS;
    for (int i = 0; i < n; i++) {
      if (prefixes[at + i] != members.prefix(first + i)) {
        return false;
      }
    }
    for (int i = 0; i < n; i++) {
      order[i] = first + orders[at + i];
    }
    return true;
  }

  /** Remembers {@code order[0, n)}, the key order of the members {@code first} to first + n. */
  void remember(ObjectMembers members, int first, int n, int[] order) {
    if (n > MAX_MEMBERS) {
      return;
    }
    int slot = slot(members, first, n);
    int at = slot * MAX_MEMBERS;
    for (int i = 0; i < n; i++) {
      prefixes[at + i] = members.prefix(first + i);
      orders[at + i] = (byte) (order[i] - first);
    }
    sizes[slot] = n;
  }

  private static int slot(ObjectMembers members, int first, int n) {
    long h = members.prefix(first) * 0x9E3779B97F4A7C15L + members.prefix(first + n - 1) + n;
    return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & (SLOTS - 1);
  }
}
