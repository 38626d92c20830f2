package io.runpack.json;

/**
 * Objects of known shapes ({@link KnownShapes}) read whole, nested ones included, as a log's
 * records are: each name matched byte for byte with its shape's, each value a string, number,
 * literal, array or object of a known shape in turn, and the canonical form (FORMAT §1) worked out
 * aside ({@link KnownObjectMemory}) — numbers rewritten, objects whose names are out of order put
 * in order — and written once the outermost object is read, without the bookkeeping of the general
 * way ({@link CanonicalTranscoder}): no member spans, no containers pushed, no bytes moved in the
 * output. Only text canonical as written but for its numbers and member order is read so: no
 * whitespace, no escape that canonical text writes otherwise, no object of a shape not known. At
 * anything else, and at any defect, nothing has been written: the general way reads the object from
 * its start, as if this reader had not been, and refuses it where it must.
 *
 * <p>The output is written up to the point where the general way would have last written it within
 * the object (past an escape, a rewritten number, a moved object, or a name whose first eight bytes
 * tie with the one before it), the rest left pending as it would be: the byte limit ({@link
 * JsonError#SIZE_LIMIT}) is met, or not, as it would be, and the output after it is the same.
 *
 * <p>{@link #value} reads a string itself rather than call a method for it, which makes it longer
 * than HotSpot's C2 inlines at a hot call (325 bytes of bytecode): the recursion value → object →
 * value then compiles as calls, not as copies of itself, and one gate-evaluation record reads 7-8%
 * faster (docs/BENCHMARKS.md, issue #13). {@code KnownObjectReaderLayoutTest} holds it there.
 */
abstract class KnownObjectReader extends CanonicalLexer {

  final ObjectMembers members;
  final OpenContainers open;

  KnownObjectReader(byte[] in, ByteOutput out, ObjectMembers members, OpenContainers open) {
    super(in, out);
    this.members = members;
    this.open = open;
  }

  /**
   * Reads whole the object whose '{' was just entered ({@link OpenContainers#enter}) and whose
   * first name, at the cursor right after it, is that of {@code shape}'s: true when it was, the
   * cursor past its '}'; false, nothing read or written, when the general way must read it.
   */
  final boolean wholeObject(KnownShapes shapes, int shape, KnownObjectMemory memory) {
    if (memory.skips(shape)) {
      return false;
    }
    memory.clear();
    int first = pos;
    int objectEnd = object(pos - 1, shapes, shape, memory, open.size() + 1);
    memory.read(shape, objectEnd >= 0);
    if (objectEnd < 0) {
      pos = first;
      return false;
    }
    pos = objectEnd;
    int lastWrite = memory.lastWrite();
    if (lastWrite > pending) {
      memory.write(in, pending, lastWrite, out);
      pending = lastWrite;
    }
    return true;
  }

  /** Where the object at {@code at} ('{'), of {@code shape}, ends; or -1. */
  private int object(int at, KnownShapes shapes, int shape, KnownObjectMemory memory, int depth) {
    int first = memory.openObject();
    int name = at + 1;
    int i = 0;
    int valueEnd;
    while (true) {
      if (i > 0 && (shape = shapes.following(shape, i, in, name)) < 0) {
        return -1;
      }
      int length = shapes.nameLength(shape, i);
      if (shapes.ties(shape, i)) {
        memory.wrote(name + length); // the general way compares the names in full, written out
      }
      int member = memory.addMember(name);
      valueEnd = value(name + length + 1, shapes, memory, depth);
      if (valueEnd < 0 || valueEnd >= end) {
        return -1;
      }
      memory.valueEnd(member, valueEnd);
      i++;
      if (in[valueEnd] == '}') {
        break;
      }
      if (in[valueEnd] != ',') {
        return -1;
      }
      name = valueEnd + 1;
    }
    int objectEnd = valueEnd + 1;
    if ((shapes.descents(shape) & ((1 << i) - 1)) != 0) {
      if (!memory.rewriteObject(in, at, objectEnd, first, shapes, shape)) {
        return -1;
      }
      memory.wrote(objectEnd); // the general way writes it out to move its members
    }
    memory.closeObject(first);
    return objectEnd;
  }

  /** Where the value at {@code at}, inside {@code depth} levels, ends; or -1. */
  private int value(int at, KnownShapes shapes, KnownObjectMemory memory, int depth) {
    if (at >= end) {
      return -1;
    }
    byte b = in[at];
    switch (b) {
      case '"': // its end when it is canonical as written, escapes included (the general way
        // writes the output out at each escape)
        for (int p = at + 1; ; ) {
          p = StringContent.plainRun(in, p, end);
          if (p >= end) {
            return -1;
          }
          byte c = in[p];
          if (c == '"') {
            return p + 1;
          }
          int length =
              c == '\\'
                  ? StringContent.canonicalEscapeLength(in, p, end)
                  : c < 0 ? StringContent.sequenceLength(in, p, end) : -1;
          if (length <= 0) {
            return -1;
          }
          p += length;
          if (c == '\\') {
            memory.wrote(p);
          }
        }
      case 't':
        return literalEnd(at, "true");
      case 'f':
        return literalEnd(at, "false");
      case 'n':
        return literalEnd(at, "null");
      case '{':
      case '[':
        if (depth >= CanonicalJson.MAX_DEPTH || at + 1 >= end) {
          return -1; // the general way refuses it
        }
        open.reached(depth + 1); // as the general way will, should this reading fail
        if (in[at + 1] == (b == '{' ? '}' : ']')) {
          return at + 2;
        }
        return b == '[' ? array(at, shapes, memory, depth + 1) : nested(at, shapes, memory, depth);
      default:
        return b == '-' || isDigit(b) ? number(at, memory) : -1;
    }
  }

  /** Where the non-empty object at {@code at}, nested in {@code depth} levels, ends; or -1. */
  private int nested(int at, KnownShapes shapes, KnownObjectMemory memory, int depth) {
    int shape = in[at + 1] == '"' ? shapes.next(KnownShapes.NOT_FOUND, 0, in, at + 1) : -1;
    return shape < 0 ? -1 : object(at, shapes, shape, memory, depth + 1);
  }

  /** Where the non-empty array at {@code at} ends; or -1. */
  private int array(int at, KnownShapes shapes, KnownObjectMemory memory, int depth) {
    int element = at + 1;
    while (true) {
      int elementEnd = value(element, shapes, memory, depth);
      if (elementEnd < 0 || elementEnd >= end) {
        return -1;
      }
      if (in[elementEnd] == ']') {
        return elementEnd + 1;
      }
      if (in[elementEnd] != ',') {
        return -1;
      }
      element = elementEnd + 1;
    }
  }

  /** Where the number at {@code start} ends, its canonical form set aside if it differs; or -1. */
  private int number(int start, KnownObjectMemory memory) {
    pos = start;
    try {
      long parts = scanNumberParts();
      if (CanonicalNumbers.isCanonical(in, start, pos, parts)) {
        return pos;
      }
      if (!memory.rewriteNumber(in, start, pos, CanonicalNumbers.isIntegerLiteral(parts, pos))) {
        return -1;
      }
    } catch (JsonException e) {
      return -1; // refused: by the general way, where it would be
    }
    memory.wrote(pos);
    return pos;
  }
}
