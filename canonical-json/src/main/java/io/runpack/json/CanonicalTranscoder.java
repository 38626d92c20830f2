package io.runpack.json;

/**
 * Strict JSON text (RFC 8259, UTF-8) straight to Decision Gate's canonical bytes (FORMAT §1), in
 * one pass and without building a tree: bytes that are already canonical (plain string content,
 * 64-bit integers, literals) are copied as they are; escapes, other numbers and member order are
 * rewritten. An object whose keys arrive out of order is sorted in place once it is complete, so
 * input that is already canonical costs one copy.
 *
 * <p>Gives exactly the bytes of {@link CanonicalJson#toBytes(JsonValue, int)} applied to the parsed
 * value, with the same refusals: invalid UTF-8 or grammar, duplicate keys, lone surrogates,
 * overflowing numbers (each its {@link JsonError}, naming the byte offset); nesting deeper than
 * {@link CanonicalJson#MAX_DEPTH}, numbers longer than {@link JsonNumber#MAX_LEXEME_LENGTH} and
 * output over the byte limit (the limits of {@link JsonError}). One instance per call; its working
 * memory (member spans, the output buffer) comes from the {@link Canonicalizer} that calls it.
 */
final class CanonicalTranscoder extends CanonicalLexer {

  /** What comes next: a value (the document, a member's, an element). */
  private static final int VALUE = 0;

  /** What comes next: a member name (after an object's '{' or a ','). */
  private static final int MEMBER = 1;

  /** What comes next: whatever follows a value that has ended. */
  private static final int AFTER_VALUE = 2;

  private final ObjectMembers members;
  private final OpenContainers open;
  private int maxDepth;

  private CanonicalTranscoder(
      byte[] in, ByteOutput out, ObjectMembers members, OpenContainers open) {
    super(in, out);
    this.members = members;
    this.open = open;
  }

  /**
   * Canonicalizes {@code json} into {@code out}, using {@code members} and {@code open} (both
   * emptied) to sort objects and to keep track of nesting.
   */
  static JsonCanonical transcode(
      byte[] json, ByteOutput out, ObjectMembers members, OpenContainers open) {
    members.close(0);
    open.clear();
    return new CanonicalTranscoder(json, out, members, open).run();
  }

  private JsonCanonical run() {
    refuseByteOrderMark();
    skipWhitespace();
    if (pos >= end) {
      throw new JsonException(JsonError.INVALID_JSON, "empty JSON document");
    }
    document();
    skipWhitespace();
    if (pos < end) {
      throw invalid("trailing content after the JSON value");
    }
    return new JsonCanonical(out.copy(), maxDepth);
  }

  /**
   * The document's value, nesting included, in one loop over the text: the open arrays and objects
   * are a stack ({@link OpenContainers}), not calls, so the JIT compiles the whole grammar into one
   * method instead of stopping its inlining at the first recursive call.
   */
  private void document() {
    int next = VALUE;
    while (true) {
      if (next == VALUE) {
        next = value();
      } else if (next == MEMBER) {
        memberName();
        next = VALUE;
      } else if (open.size() == 0) {
        return;
      } else {
        next = open.inObject() ? afterMemberValue() : afterElement();
      }
    }
  }

  /** A scalar, read whole, or the start of an array or object; returns what comes next. */
  private int value() {
    switch (peek()) {
      case '{' -> {
        enter();
        if (empty('{', '}')) {
          return AFTER_VALUE;
        }
        open.openObject(members.open());
        return MEMBER;
      }
      case '[' -> {
        enter();
        if (empty('[', ']')) {
          return AFTER_VALUE;
        }
        open.openArray();
        return VALUE;
      }
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (in[pos] == '-' || isDigit(in[pos])) {
          number();
        } else {
          throw invalid(unexpected("a JSON value"));
        }
      }
    }
    return AFTER_VALUE;
  }

  /** An array or object opens inside {@code open.size()} others: within the depth limit. */
  private void enter() {
    int depth = open.size();
    if (depth >= CanonicalJson.MAX_DEPTH) {
      throw new JsonException(
          JsonError.DEPTH_LIMIT,
          "JSON nesting deeper than the limit of " + CanonicalJson.MAX_DEPTH + " at byte " + pos);
    }
    maxDepth = Math.max(maxDepth, depth + 1);
  }

  /** A member's name and its colon, written; its key is checked against the one before it. */
  private void memberName() {
    if (peek() != '"') {
      throw invalid(unexpected("a member name"));
    }
    int keyOffset = pos;
    int keyStart = out.size();
    string();
    int member = members.addKey(out.buffer(), keyStart, out.size(), keyOffset);
    int order = members.compareWithPrevious(open.first(), out.buffer(), member);
    if (order == 0) {
      throw duplicateKey(keyStart, out.size(), keyOffset);
    }
    if (order < 0) {
      open.unsorted();
    }
    if (pos < end && in[pos] == ':') { // the usual case: no whitespace around the colon
      pos++;
    } else {
      skipWhitespace();
      expect(':', "':' after a member name");
    }
    out.write(':');
    skipWhitespace();
  }

  /** After a member's value: the next member, or the end of the object, sorted then. */
  private int afterMemberValue() {
    members.endValue(members.last(), out.size());
    if (another('}', "',' or '}' in an object")) {
      return MEMBER;
    }
    int first = open.first();
    if (!open.sorted()) {
      int duplicate = members.sortInPlace(first, out.buffer());
      if (duplicate >= 0) {
        throw duplicateKey(
            members.keyStart(duplicate), members.keyEnd(duplicate), members.keyOffset(duplicate));
      }
    }
    members.close(first);
    out.write('}');
    open.close();
    return AFTER_VALUE;
  }

  /** After an element: the next one, or the end of the array. */
  private int afterElement() {
    if (another(']', "',' or ']' in an array")) {
      return VALUE;
    }
    out.write(']');
    open.close();
    return AFTER_VALUE;
  }

  /** Past the opening bracket (written): true, past the closing one too, when nothing is inside. */
  private boolean empty(char open, char close) {
    pos++;
    out.write(open);
    skipWhitespace();
    if (peek() != close) {
      return false;
    }
    pos++;
    out.write(close);
    return true;
  }

  /** After a member or an element: true past a ',' (written), false past the closing bracket. */
  private boolean another(char close, String expected) {
    if (pos < end && in[pos] == ',') { // the usual case: no whitespace around the comma
      pos++;
      out.write(',');
      skipWhitespace();
      return true;
    }
    skipWhitespace();
    byte next = peek();
    if (next == close) {
      pos++;
      return false;
    }
    if (next != ',') {
      throw invalid(unexpected(expected));
    }
    pos++;
    out.write(',');
    skipWhitespace();
    return true;
  }

  /** RFC 8259 §6: [ minus ] int [ frac ] [ exp ]; FORMAT §1 "Numbers" for the output. */
  private void number() {
    int start = pos;
    boolean integer = scanNumber();
    try {
      CanonicalNumbers.write(in, start, pos, integer, out);
    } catch (JsonException e) {
      if (e.error().isLimit()) {
        throw e;
      }
      throw e.withSuffix(" at byte " + start);
    }
  }

  private JsonException duplicateKey(int keyStart, int keyEnd, int keyOffset) {
    String key =
        new String(
            out.buffer(),
            keyStart + 1,
            keyEnd - keyStart - 2,
            java.nio.charset.StandardCharsets.UTF_8);
    return new JsonException(
        JsonError.DUPLICATE_KEY, "duplicate key \"" + key + "\" at byte " + keyOffset);
  }
}
