package io.runpack.cli.report;

import io.runpack.json.JsonStream;
import io.runpack.json.JsonStream.Token;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The members of one log record a timeline shows, read from a {@link JsonStream} without a tree: a
 * member is named by its dotted path ({@code event.time.value}); the stream descends only into the
 * objects named in {@code descend}. A scalar's text is its string value or its JSON text; an object
 * or array that is not descended into is kept as its JSON text, cut to {@link #MAX_TEXT}
 * characters. Memory per record: at most {@link #MAX_MEMBERS} members of at most {@link #MAX_TEXT}
 * characters.
 */
final class RecordFields {

  /** Longest text kept for one member, in characters (an ellipsis marks a cut). */
  static final int MAX_TEXT = 200;

  /** Most members kept for one record. */
  static final int MAX_MEMBERS = 32;

  private final Map<String, String> values = new HashMap<>();

  private RecordFields() {}

  /**
   * Reads the record whose first token is the stream's current one, up to its last token. A record
   * that is not an object has no members.
   */
  static RecordFields read(JsonStream stream, byte[] json, Set<String> descend) {
    RecordFields fields = new RecordFields();
    if (stream.token() == Token.START_OBJECT) {
      fields.readObject(stream, json, "", descend);
    } else {
      stream.skip();
    }
    return fields;
  }

  private void readObject(JsonStream stream, byte[] json, String prefix, Set<String> descend) {
    while (stream.next() == Token.NAME) {
      String path = prefix + stream.stringValue();
      Token token = stream.next();
      if (token == Token.START_OBJECT && descend.contains(path)) {
        readObject(stream, json, path + ".", descend);
        continue;
      }
      int start = stream.tokenStart();
      String text =
          switch (token) {
            case STRING -> stream.stringValue();
            case NUMBER -> stream.lexeme();
            case TRUE -> "true";
            case FALSE -> "false";
            case NULL -> "null";
            default -> null;
          };
      stream.skip();
      if (text == null) {
        text = jsonText(json, start, stream.tokenEnd());
      }
      if (values.size() < MAX_MEMBERS) {
        values.put(path, cut(text));
      }
    }
  }

  /** The member's text, or null when the record does not have it. */
  String get(String path) {
    return values.get(path);
  }

  /** The first of {@code paths} the record has, or null. */
  String first(String... paths) {
    for (String path : paths) {
      String value = values.get(path);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String jsonText(byte[] json, int start, int end) {
    int length = Math.min(end - start, MAX_TEXT * 4);
    String text = new String(json, start, length, StandardCharsets.UTF_8);
    if (length == end - start) {
      return text;
    }
    int keep = Math.min(text.codePointCount(0, text.length()), MAX_TEXT) - 1;
    return text.substring(0, text.offsetByCodePoints(0, keep)) + "…";
  }

  static String cut(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_TEXT) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_TEXT - 1)) + "…";
  }
}
