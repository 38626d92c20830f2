package io.runpack.json;

import java.util.Arrays;

/**
 * The shapes of objects already read whole: their member names as the text spelled them, each
 * followed by its colon, with the canonical order of those names (FORMAT §1, "Objects"). Records of
 * one log repeat a few shapes (Decision Gate writes its structs' fields in declaration order), so a
 * {@link CanonicalTranscoder} reading the next object of a known shape recognizes each member name
 * by comparing the text with the bytes it had — identical bytes are the identical name, already
 * canonical, already checked — and sorts the object by the order it had, without reading the names
 * as strings, comparing them with each other or sorting them again.
 *
 * <p>A table of fixed size (about 22 KB): a shape is found by its first name's first bytes in one
 * of four slots (a new one takes an empty slot, else another's in turn), told apart from shapes
 * with the same first name where their names part; at most {@link #MAX_MEMBERS} names, each at most
 * {@link #MAX_NAME_BYTES} bytes with quotes and colon, learned only as canonical as written. An
 * object with a known shape's first names only is recognized too. Learning and looking up are paid
 * for by the shapes recognized ({@link ShapeCredit}).
 */
final class KnownShapes {

  static final int MAX_MEMBERS = 16;

  /** Longest name remembered, quotes and colon included. */
  static final int MAX_NAME_BYTES = 32;

  private static final int SLOT_BITS = 5; // a shape's token: its learning, then its slot
  static final int SLOTS = 1 << SLOT_BITS;

  /** Slots a shape may take, from the one its first name hashes to. */
  private static final int PROBES = 4;

  private static final int LEARNINGS = (1 << 26) - 1;

  /** What {@link #next} gives for an object of no known shape. */
  static final int NOT_FOUND = -1;

  /** What {@link #next} gives at a first name it did not look up, for want of credit. */
  static final int NOT_SOUGHT = -2;

  /** Bytes of working memory a table holds. */
  static final long RETAINED_BYTES = SLOTS * (MAX_MEMBERS * (MAX_NAME_BYTES + 1 + 8 + 1) + 4 * 4);

  private final int[] sizes = new int[SLOTS]; // 0: an empty slot

  /**
   * The shape in each slot: the slot and the number of the learning that filled it, unique while a
   * document is read (at most {@link #LEARNINGS} learnings a document: past them, nothing more is
   * learned until the next).
   */
  private final int[] shapes = new int[SLOTS];

  private int learnings;
  private int evictions;
  private final ShapeCredit credit = new ShapeCredit();

  /** Per slot and member, its name (slot · MAX_MEMBERS + member). */
  private final ShapeNames names = new ShapeNames(SLOTS * MAX_MEMBERS);

  private final long[] prefixes = new long[SLOTS * MAX_MEMBERS];
  private final byte[] orders = new byte[SLOTS * MAX_MEMBERS];

  /** Per slot, bit i set when name i sorts before name i - 1. */
  private final int[] descents = new int[SLOTS];

  /** Per slot, bit i set when names i and i - 1 share their first eight bytes. */
  private final int[] ties = new int[SLOTS];

  KnownShapes() {
    Arrays.fill(shapes, -1);
  }

  /**
   * The known shape whose member {@code i} is written at {@code text[at]} (its name's opening
   * quote) with its colon, or {@link #NOT_FOUND} ({@link #NOT_SOUGHT}): for an object's first
   * member, the shape found by its name; for the next ones, {@code shape}, that of the members
   * before, while it is still held and its names go on matching, or else one with the same names
   * before ({@link #sibling}). A shape is a slot and the learning that filled it: an object nested
   * in one being read may take that object's slot, and the outer one then goes on the general way.
   */
  int next(int shape, int i, byte[] text, int at) {
    if (i == 0) {
      if (at + 8 > text.length) {
        return NOT_FOUND;
      }
      if (!credit.looksUp()) {
        return NOT_SOUGHT;
      }
      int home = ShapeNames.hash(text, at, SLOT_BITS);
      for (int probe = 0; probe < PROBES; probe++) {
        int found = (home + probe) & (SLOTS - 1);
        if (sizes[found] != 0 && matches(found, 0, text, at)) {
          return recognized(found, 0);
        }
      }
      return NOT_FOUND;
    }
    return holds(shape) ? following(shape, i, text, at) : NOT_FOUND;
  }

  /** {@link #next} for member {@code i > 0} while nothing is learned: {@code shape} holds. */
  int following(int shape, int i, byte[] text, int at) {
    int slot = shape & (SLOTS - 1);
    return i < sizes[slot] && matches(slot, i, text, at)
        ? recognized(slot, i)
        : sibling(slot, i, text, at);
  }

  /**
   * A shape other than that in {@code slot} with its first {@code i} names and then the one written
   * at {@code text[at]}, or -1: shapes that begin alike (records whose optional members differ) are
   * told apart where their names part.
   */
  private int sibling(int slot, int i, byte[] text, int at) {
    int home = names.hash(slot * MAX_MEMBERS, SLOT_BITS); // that of the shapes' first name
    for (int probe = 0; probe < PROBES; probe++) {
      int other = (home + probe) & (SLOTS - 1);
      if (other != slot
          && sizes[other] > i
          && matches(other, i, text, at)
          && names.same(other * MAX_MEMBERS, slot * MAX_MEMBERS, i)) {
        return recognized(other, i);
      }
    }
    return NOT_FOUND;
  }

  /** The shape in {@code slot}, its member {@code i} recognized: at its last, learning paid. */
  private int recognized(int slot, int i) {
    if (i == sizes[slot] - 1) {
      credit.earn();
    }
    return shapes[slot];
  }

  /**
   * Before a document (no object being read holds a shape): when half the learnings are used,
   * forgets every shape, so that each document may learn at least half of them.
   */
  void newDocument() {
    if (learnings >= LEARNINGS / 2) {
      Arrays.fill(sizes, 0);
      Arrays.fill(shapes, -1);
      learnings = 0;
    }
  }

  /** True when {@code shape} (negative: none) is still the one in its slot. */
  boolean holds(int shape) {
    return shape >= 0 && shapes[shape & (SLOTS - 1)] == shape;
  }

  /** True when {@code text[at, ...)} begins with member {@code i}'s name and colon. */
  private boolean matches(int slot, int i, byte[] text, int at) {
    return names.matches(slot * MAX_MEMBERS + i, text, at);
  }

  /** Bytes of member {@code i}'s name with its quotes, without the colon. */
  int nameLength(int shape, int i) {
    return names.length((shape & (SLOTS - 1)) * MAX_MEMBERS + i) - 1;
  }

  /** Member {@code i}'s name's first eight bytes, as {@link ObjectMembers#prefix} gives them. */
  long prefix(int shape, int i) {
    return prefixes[(shape & (SLOTS - 1)) * MAX_MEMBERS + i];
  }

  /**
   * True when member {@code i}'s name shares its first eight bytes with member {@code i - 1}'s: the
   * general way compares them in full, which writes the output out first.
   */
  boolean ties(int shape, int i) {
    return (ties[shape & (SLOTS - 1)] & (1 << i)) != 0;
  }

  /** Bit i set when member {@code i}'s name sorts before member {@code i - 1}'s. */
  int descents(int shape) {
    return descents[shape & (SLOTS - 1)];
  }

  /** Writes into {@code order[0, n)} the canonical order of the first n members, from first. */
  void order(int shape, int n, int first, int[] order) {
    int slot = shape & (SLOTS - 1);
    int at = slot * MAX_MEMBERS;
    int size = sizes[slot];
    int k = 0;
    for (int i = 0; i < size; i++) {
      int member = orders[at + i];
      if (member < n) {
        order[k++] = first + member;
      }
    }
  }

  /**
   * Remembers the shape of the members {@code first} to {@code first + n} of {@code members}, in
   * canonical order {@code order[0, n)} with no name twice, when each name is written in {@code
   * text} without a backslash (so as it is canonically, and read without writing anything out) and
   * followed there by its colon; otherwise does nothing. Reads nothing of the output: learning must
   * not change when the output is written, on which the byte limit's refusal depends.
   */
  void learn(ObjectMembers members, int first, int n, int[] order, byte[] text) {
    if (n > MAX_MEMBERS || n == 0 || learnings == LEARNINGS) {
      return;
    }
    if (!ShapeNames.asWritten(members, first, n, text)) {
      return;
    }
    credit.spend();
    int slot = place(ShapeNames.hash(text, members.keyOffset(first), SLOT_BITS));
    int at = slot * MAX_MEMBERS;
    int descent = 0;
    int tie = 0;
    for (int i = 0; i < n; i++) {
      int member = first + i;
      int source = members.keyOffset(member);
      int length = members.keyEnd(member) - members.keyStart(member) + 1;
      names.set(at + i, text, source, length);
      prefixes[at + i] = members.prefix(member);
      orders[at + i] = (byte) (order[i] - first);
      if (i > 0) { // a tie: read the general way, this name is compared in full, once written
        tie |= members.prefix(member) == members.prefix(member - 1) ? 1 << i : 0;
        descent |= members.compareAsWritten(text, member, member - 1) < 0 ? 1 << i : 0;
      }
    }
    descents[slot] = descent;
    ties[slot] = tie;
    sizes[slot] = n;
    shapes[slot] = (++learnings & LEARNINGS) << SLOT_BITS | slot;
  }

  /** Where a new shape whose first name's home is {@code home} goes: an empty slot, else any. */
  private int place(int home) {
    for (int probe = 0; probe < PROBES; probe++) {
      int slot = (home + probe) & (SLOTS - 1);
      if (sizes[slot] == 0) {
        return slot;
      }
    }
    return (home + (evictions++ & (PROBES - 1))) & (SLOTS - 1);
  }
}
