package io.runpack.json;

import java.util.Arrays;

/**
 * The arrays and objects a {@link CanonicalTranscoder} has opened and not yet closed, innermost
 * last, so that it can read nested JSON in one loop instead of one call per level (RFC 8259 §4–5;
 * the depth is bounded by {@link CanonicalJson#MAX_DEPTH} before anything is pushed). An array is
 * one mark; an object is the index of its first member in {@link ObjectMembers}, whether a key has
 * arrived out of order yet, and the {@link KnownShapes} shape its names follow so far, if any. The
 * innermost container is kept in fields, read at every member; the arrays hold the ones around it.
 * Working memory its {@link Canonicalizer} keeps between calls.
 */
final class OpenContainers {

  private static final int ARRAY = -1;

  private int[] stack = new int[16];
  private int[] shapes = new int[16];

  /** The innermost container. */
  private int top;

  private int topShape;
  private int size;
  private int maxDepth;

  /** Forgets every container (a call that failed may have left some open). */
  void clear() {
    size = 0;
    maxDepth = 0;
  }

  /**
   * Checks that an array or object opening at byte {@code at} (not pushed yet: it may be empty)
   * stays within {@link CanonicalJson#MAX_DEPTH}, and counts its depth.
   */
  void enter(int at) {
    if (size >= CanonicalJson.MAX_DEPTH) {
      throw new JsonException(
          JsonError.DEPTH_LIMIT,
          "JSON nesting deeper than the limit of " + CanonicalJson.MAX_DEPTH + " at byte " + at);
    }
    maxDepth = Math.max(maxDepth, size + 1);
  }

  /** Counts a nesting {@code depth} levels deep as entered (checked already). */
  void reached(int depth) {
    maxDepth = Math.max(maxDepth, depth);
  }

  /** The deepest nesting entered since {@link #clear()}: 0 for a scalar. */
  int maxDepth() {
    return maxDepth;
  }

  /** Containers open now. */
  int size() {
    return size;
  }

  void openArray() {
    push();
    top = ARRAY;
  }

  /** Opens an object whose members start at index {@code first} of {@link ObjectMembers}. */
  void openObject(int first) {
    push();
    top = first << 1;
    topShape = KnownShapes.NOT_FOUND;
  }

  /**
   * The {@link KnownShapes} shape of the innermost object while its names match it, or a negative
   * {@link KnownShapes#NOT_FOUND} or {@link KnownShapes#NOT_SOUGHT}.
   */
  int shape() {
    return topShape;
  }

  void shape(int shape) {
    topShape = shape;
  }

  /** True when the innermost container is an object. */
  boolean inObject() {
    return top != ARRAY;
  }

  /** The innermost object's first member. */
  int first() {
    return top >>> 1;
  }

  /** Notes that a key of the innermost object arrived before one it must follow. */
  void unsorted() {
    top |= 1;
  }

  /** True when every key of the innermost object so far arrived in canonical order. */
  boolean sorted() {
    return (top & 1) == 0;
  }

  void close() {
    size--;
    if (size > 0) {
      top = stack[size];
      topShape = shapes[size];
    }
  }

  /** Saves the innermost container, if any, under the one opening. */
  private void push() {
    if (size == stack.length) {
      stack = Arrays.copyOf(stack, size * 2);
      shapes = Arrays.copyOf(shapes, size * 2);
    }
    stack[size] = top;
    shapes[size] = topShape;
    size++;
  }
}
