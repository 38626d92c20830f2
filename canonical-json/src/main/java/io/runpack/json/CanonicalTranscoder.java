package io.runpack.json;

/**
 * Strict JSON text (RFC 8259, UTF-8) straight to Decision Gate's canonical bytes (FORMAT §1), in
 * one pass and without building a tree: text that is already canonical (punctuation without
 * whitespace, plain string content, 64-bit integers, canonical decimals, literals) is copied as it
 * is, a run at a time ({@link JsonCursor#flush}); whitespace is dropped; escapes, other numbers and
 * member order are rewritten. An object whose keys arrive out of order is sorted in place once it
 * is complete; one shaped like an object read before is read and sorted by that shape ({@link
 * KnownShapes}), whole with what it holds when it can be ({@link KnownObjectReader}).
 *
 * <p>Gives exactly the bytes of {@link CanonicalJson#toBytes(JsonValue, int)} applied to the parsed
 * value, with the same refusals: invalid UTF-8 or grammar, duplicate keys, lone surrogates,
 * overflowing numbers (each its {@link JsonError}, naming the byte offset); nesting deeper than
 * {@link CanonicalJson#MAX_DEPTH}, numbers longer than {@link JsonNumber#MAX_LEXEME_LENGTH} and
 * output over the byte limit (the limits of {@link JsonError}). One instance per call; its working
 * memory (open containers, member spans, the output buffer) comes from the {@link Canonicalizer}
 * that calls it.
 */
final class CanonicalTranscoder extends KnownObjectReader {

  // What comes next: a value (the document, a member's, an element); a member name (after an
  // object's '{' or a ','); whatever follows a value that has ended.
  private static final int VALUE = 0;
  private static final int MEMBER = 1;
  private static final int AFTER_VALUE = 2;

  private CanonicalTranscoder(
      byte[] in, ByteOutput out, ObjectMembers members, OpenContainers open) {
    super(in, out, members, open);
  }

  /**
   * Canonicalizes {@code json} into {@code out}, using {@code members} and {@code open} (both
   * emptied) to sort objects and to keep track of nesting.
   */
  static JsonCanonical transcode(
      byte[] json, ByteOutput out, ObjectMembers members, OpenContainers open) {
    members.newDocument();
    open.clear();
    return new CanonicalTranscoder(json, out, members, open).run();
  }

  private JsonCanonical run() {
    refuseByteOrderMark();
    skipWhitespace();
    if (pos >= end) {
      throw new JsonException(JsonError.INVALID_JSON, "empty JSON document");
    }
    pending = pos;
    document();
    flush();
    skipWhitespace();
    if (pos < end) {
      throw invalid("trailing content after the JSON value");
    }
    return new JsonCanonical(out.copy(), open.maxDepth());
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
        open.enter(pos);
        if (empty('}')) {
          return AFTER_VALUE;
        }
        return object();
      }
      case '[' -> {
        open.enter(pos);
        if (empty(']')) {
          return AFTER_VALUE;
        }
        open.openArray();
        return VALUE;
      }
      case '"' -> string();
      case 't' -> skipLiteral("true");
      case 'f' -> skipLiteral("false");
      case 'n' -> skipLiteral("null");
      default -> {
        if (in[pos] == '-' || isDigit(in[pos])) {
          canonicalNumber();
        } else {
          throw invalid(unexpected("a JSON value"));
        }
      }
    }
    return AFTER_VALUE;
  }

  /**
   * Past a non-empty object's '{': an object whose first name is a known shape's is read whole if
   * it can be ({@link KnownObjectReader}), else opened for the general way; returns what is next.
   */
  private int object() {
    KnownShapes shapes = members.shapes();
    int shape = KnownShapes.NOT_FOUND;
    if (shapes != null && in[pos] == '"') {
      shape = shapes.next(KnownShapes.NOT_FOUND, 0, in, pos);
      if (shape >= 0 && in[pos - 1] == '{' && wholeObject(shapes, shape, members.knownObjects())) {
        return AFTER_VALUE;
      }
    }
    open.openObject(members.open());
    open.shape(shape); // found by its first name: knownName does not look it up again
    return MEMBER;
  }

  /** A member's name and its colon; its key is checked against the one before it. */
  private void memberName() {
    if (peek() != '"') {
      throw invalid(unexpected("a member name"));
    }
    if (knownName()) {
      return;
    }
    int keyOffset = pos;
    int keyStart = outputPosition();
    string();
    int keyEnd = outputPosition();
    long prefix;
    if (pending <= keyOffset) { // pending as it was read: its bytes are the key's
      prefix = ObjectMembers.prefix(in, keyOffset + 1, pos);
    } else { // an escape was rewritten: the key is in the output
      flush();
      prefix = ObjectMembers.prefix(out.buffer(), keyStart + 1, keyEnd);
    }
    int member = members.addKey(keyStart, keyEnd, keyOffset, prefix);
    int order = members.comparePrefixWithPrevious(open.first(), member);
    if (order == 0) { // eight bytes alike: compare the rest in the output
      flush();
      order = members.compareWithPrevious(open.first(), out.buffer(), member);
      if (order == 0) {
        throw members.duplicateKey(member, out.buffer());
      }
    }
    if (order < 0) {
      open.unsorted();
    }
    if (pos < end && in[pos] == ':') { // the usual case: no whitespace around the colon
      pos++;
    } else {
      gap();
      expect(':', "':' after a member name");
    }
    gap();
  }

  /**
   * A member name (and its colon) that is the next of the object's known shape, byte for byte
   * ({@link KnownShapes}): taken as it is, already checked; false when there is none.
   */
  private boolean knownName() {
    KnownShapes shapes = members.shapes();
    if (shapes == null) {
      return false;
    }
    int i = members.count() - open.first();
    if (i > 0 && open.shape() < 0) {
      return false; // the object is not of a known shape
    }
    int shape = i == 0 ? open.shape() : shapes.next(open.shape(), i, in, pos);
    open.shape(shape);
    if (shape < 0) {
      return false;
    }
    int keyStart = outputPosition();
    int length = shapes.nameLength(shape, i);
    members.addKey(keyStart, keyStart + length, pos, shapes.prefix(shape, i));
    if ((shapes.descents(shape) & (1 << i)) != 0) {
      open.unsorted();
    }
    pos += length;
    if (shapes.ties(shape, i)) {
      flush(); // as memberName would: the output is written at the same points either way
    }
    pos++; // the colon
    gap();
    return true;
  }

  /** After a member's value: the next member, or the end of the object, sorted then. */
  private int afterMemberValue() {
    members.endValue(members.last(), outputPosition());
    if (another('}', "',' or '}' in an object")) {
      return MEMBER;
    }
    int first = open.first();
    boolean sorted = open.sorted();
    int shape = open.shape();
    if (!sorted) {
      flush(); // the members' bytes are moved in the output
    }
    if (!sorted || (shape == KnownShapes.NOT_FOUND && members.learnsShape(first))) {
      int duplicate = members.finish(first, sorted, shape, out.buffer(), in);
      if (duplicate >= 0) {
        throw members.duplicateKey(duplicate, out.buffer());
      }
    }
    members.close(first);
    open.close();
    return AFTER_VALUE;
  }

  /** After an element: the next one, or the end of the array. */
  private int afterElement() {
    if (another(']', "',' or ']' in an array")) {
      return VALUE;
    }
    open.close();
    return AFTER_VALUE;
  }

  /** Past the opening bracket: true, past the closing one too, when nothing is inside. */
  private boolean empty(char close) {
    pos++;
    gap();
    if (peek() != close) {
      return false;
    }
    pos++;
    return true;
  }
}
