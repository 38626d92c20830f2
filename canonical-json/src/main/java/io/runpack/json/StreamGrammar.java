package io.runpack.json;

/**
 * The grammar of strict JSON text (RFC 8259 §2-§6) as a state machine that reads one token a call,
 * for {@link JsonStream}: what may come next (a value, a member name, a separator, the end), the
 * nesting (at most {@link CanonicalJson#MAX_DEPTH}), keys unique in each object (FORMAT §1, found
 * as {@link CanonicalTranscoder} finds them, on their canonical bytes) and, for a whole document,
 * nothing but whitespace after the value. Numbers are written canonically as they are read, so that
 * one that has no canonical form (RFC 8785 §3.2.2.3) is refused here as it is there.
 */
abstract class StreamGrammar extends CanonicalLexer {

  /** What the grammar allows next. */
  private enum Expect {
    VALUE,
    FIRST_NAME,
    FIRST_ELEMENT,
    NAME_VALUE,
    SEPARATOR,
    DONE
  }

  private final boolean document;
  private final ObjectMembers members = new ObjectMembers();
  private final boolean[] isObject = new boolean[CanonicalJson.MAX_DEPTH + 1];
  private final int[] firstMember = new int[CanonicalJson.MAX_DEPTH + 1];
  private final int[] keysMark = new int[CanonicalJson.MAX_DEPTH + 1];
  private final boolean[] sorted = new boolean[CanonicalJson.MAX_DEPTH + 1];
  private Expect expect = Expect.VALUE;

  /** Levels of objects and arrays open after the current token. */
  int depth;

  /**
   * The current token, where it starts and ends in the text, and where its canonical text starts.
   */
  JsonStream.Token token;

  int tokenStart;
  int tokenEnd;
  int textStart;

  StreamGrammar(byte[] json, int offset, boolean document) {
    super(json, new ByteOutput(Integer.MAX_VALUE - 8));
    this.pos = offset;
    this.document = document;
  }

  /** The next token by the grammar, or null after the last one. */
  final JsonStream.Token read() {
    switch (expect) {
      case DONE -> {
        return null;
      }
      case VALUE, NAME_VALUE -> {
        skipWhitespace();
        if (document && depth == 0 && pos >= end) {
          throw new JsonException(JsonError.INVALID_JSON, "empty JSON document");
        }
        if (expect == Expect.NAME_VALUE) {
          expect(':', "':' after a member name");
          skipWhitespace();
        }
        return value();
      }
      case FIRST_NAME -> {
        skipWhitespace();
        return peek() == '}' ? close('}') : name();
      }
      case FIRST_ELEMENT -> {
        skipWhitespace();
        return peek() == ']' ? close(']') : value();
      }
      default -> {
        skipWhitespace();
        boolean object = isObject[depth];
        byte next = peek();
        if (next == (object ? '}' : ']')) {
          return close(next);
        }
        if (next != ',') {
          throw invalid(unexpected(object ? "',' or '}' in an object" : "',' or ']' in an array"));
        }
        pos++;
        skipWhitespace();
        return object ? name() : value();
      }
    }
  }

  private JsonStream.Token value() {
    tokenStart = pos;
    textStart = out.size();
    JsonStream.Token read =
        switch (peek()) {
          case '{' -> open(true);
          case '[' -> open(false);
          case '"' -> {
            writeString();
            yield JsonStream.Token.STRING;
          }
          case 't' -> literal("true", JsonStream.Token.TRUE);
          case 'f' -> literal("false", JsonStream.Token.FALSE);
          case 'n' -> literal("null", JsonStream.Token.NULL);
          default -> {
            if (in[pos] == '-' || isDigit(in[pos])) {
              number();
              yield JsonStream.Token.NUMBER;
            }
            throw invalid(unexpected("a JSON value"));
          }
        };
    tokenEnd = pos;
    if (read != JsonStream.Token.START_OBJECT && read != JsonStream.Token.START_ARRAY) {
      afterValue();
    }
    return read;
  }

  private JsonStream.Token literal(String word, JsonStream.Token kind) {
    literal(word);
    return kind;
  }

  private JsonStream.Token open(boolean object) {
    if (depth >= CanonicalJson.MAX_DEPTH) {
      throw new JsonException(
          JsonError.DEPTH_LIMIT,
          "JSON nesting deeper than the limit of " + CanonicalJson.MAX_DEPTH + " at byte " + pos);
    }
    pos++;
    depth++;
    isObject[depth] = object;
    if (object) {
      firstMember[depth] = members.open();
      keysMark[depth] = out.size();
      sorted[depth] = true;
    }
    expect = object ? Expect.FIRST_NAME : Expect.FIRST_ELEMENT;
    return object ? JsonStream.Token.START_OBJECT : JsonStream.Token.START_ARRAY;
  }

  private JsonStream.Token close(int bracket) {
    tokenStart = pos;
    pos++;
    tokenEnd = pos;
    if (bracket == '}') {
      int first = firstMember[depth];
      if (!sorted[depth]) {
        int duplicate = members.duplicate(first, out.buffer());
        if (duplicate >= 0) {
          throw members.duplicateKey(duplicate, out.buffer());
        }
      }
      members.close(first);
      out.truncate(keysMark[depth]);
    }
    depth--;
    textStart = out.size();
    afterValue();
    return bracket == '}' ? JsonStream.Token.END_OBJECT : JsonStream.Token.END_ARRAY;
  }

  /**
   * A string, written to the output whole, for a reader that keeps nothing pending ({@link #string}
   * leaves what it can pending).
   */
  private void writeString() {
    pending = pos;
    string();
    flush();
  }

  private JsonStream.Token name() {
    if (peek() != '"') {
      throw invalid(unexpected("a member name"));
    }
    tokenStart = pos;
    textStart = out.size();
    writeString();
    tokenEnd = pos;
    int member = members.addKey(out.buffer(), textStart, out.size(), tokenStart);
    int order = members.compareWithPrevious(firstMember[depth], out.buffer(), member);
    if (order == 0) {
      throw members.duplicateKey(member, out.buffer());
    }
    sorted[depth] &= order > 0;
    expect = Expect.NAME_VALUE;
    return JsonStream.Token.NAME;
  }

  private void afterValue() {
    if (depth > 0) {
      expect = Expect.SEPARATOR;
      return;
    }
    expect = Expect.DONE;
    if (document) {
      skipWhitespace();
      if (pos < end) {
        throw invalid("trailing content after the JSON value");
      }
    }
  }

  /** RFC 8259 §6, and FORMAT §1 "Numbers" for what cannot be written canonically. */
  private void number() {
    int start = pos;
    boolean integer = scanNumber();
    try {
      CanonicalNumbers.write(in, start, pos, integer, out);
    } catch (JsonException e) {
      throw e.withSuffix(" at byte " + start);
    }
  }
}
