package io.runpack.json;

import java.util.Arrays;

/**
 * The arrays and objects a {@link CanonicalTranscoder} has opened and not yet closed, innermost
 * last, so that it can read nested JSON in one loop instead of one call per level (RFC 8259 §4–5;
 * the depth is bounded by {@link CanonicalJson#MAX_DEPTH} before anything is pushed). An array is
 * one mark; an object is the index of its first member in {@link ObjectMembers} and whether a key
 * has arrived out of order yet. Working memory its {@link Canonicalizer} keeps between calls.
 */
final class OpenContainers {

  private static final int ARRAY = -1;

  private int[] stack = new int[16];
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

  /** The deepest nesting entered since {@link #clear()}: 0 for a scalar. */
  int maxDepth() {
    return maxDepth;
  }

  /** Containers open now. */
  int size() {
    return size;
  }

  void openArray() {
    push(ARRAY);
  }

  /** Opens an object whose members start at index {@code first} of {@link ObjectMembers}. */
  void openObject(int first) {
    push(first << 1);
  }

  /** True when the innermost container is an object. */
  boolean inObject() {
    return stack[size - 1] != ARRAY;
  }

  /** The innermost object's first member. */
  int first() {
    return stack[size - 1] >>> 1;
  }

  /** Notes that a key of the innermost object arrived before one it must follow. */
  void unsorted() {
    stack[size - 1] |= 1;
  }

  /** True when every key of the innermost object so far arrived in canonical order. */
  boolean sorted() {
    return (stack[size - 1] & 1) == 0;
  }

  void close() {
    size--;
  }

  private void push(int container) {
    if (size == stack.length) {
      stack = Arrays.copyOf(stack, size * 2);
    }
    stack[size++] = container;
  }
}
