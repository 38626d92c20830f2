package io.runpack.json;

/**
 * When {@link KnownShapes} pays for itself: learning a shape costs (its names copied, its order
 * worked out) and so does looking for one at each object's first name, and both pay only on text
 * whose objects repeat their shapes, as records of one log do. Each shape learned spends a credit,
 * each shape recognized to its last name earns one back (up to {@link #MAX}); without credit, one
 * object in {@link #MAX} is looked up, and only an object looked up and not recognized is learned,
 * so that text whose objects never repeat a shape (or whose shapes keep taking each other's places)
 * costs little more than reading it without shapes, and recognition resumes once a shape learned is
 * met again.
 */
final class ShapeCredit {

  /** Learnings in advance of shapes recognized; a power of two. */
  static final int MAX = 32;

  private int credit = MAX;
  private int unsought;

  /** True when an object's shape is to be looked up (asked once at each object's first name). */
  boolean looksUp() {
    return credit > 0 || (++unsought & (MAX - 1)) == 0;
  }

  /** A shape learned. */
  void spend() {
    if (credit > 0) {
      credit--;
    }
  }

  /** A shape recognized to its last name. */
  void earn() {
    if (credit < MAX) {
      credit++;
    }
  }
}
