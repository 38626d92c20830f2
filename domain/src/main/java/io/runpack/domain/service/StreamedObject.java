package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.json.JsonStream;
import io.runpack.json.JsonStream.Token;
import java.util.HashMap;
import java.util.Map;

/**
 * One object of a checked JSON document, read from a {@link JsonStream} by the members a check asks
 * for: their first token, where their value starts and ends, and their text when a string (decoded)
 * or a number (as written); every other member is skipped, never decoded. Nested values are read
 * again from where they start. Failures are {@link ErrorCode#INVALID_JSON} errors with the messages
 * of {@code JsonFields}, naming the member's path.
 */
final class StreamedObject {

  /** A member's value: its first token, its bytes {@code [offset, end)}, its text if scalar. */
  record Member(Token token, int offset, int end, String text) {

    /** The value's type as the messages name it: numbers with their lexeme. */
    String describe() {
      return token == Token.NUMBER ? "number " + text : token.typeName();
    }
  }

  private final String path;
  private final Map<String, Member> members;

  private StreamedObject(String path, Map<String, Member> members) {
    this.path = path;
    this.members = members;
  }

  /**
   * Reads the value whose first token is the stream's current one, up to its last token; fails
   * unless it is an object.
   */
  static StreamedObject read(JsonStream stream, String path, String... wanted) {
    Token first = stream.token();
    if (first != Token.START_OBJECT) {
      throw fail(path + " must be an object, not " + first.typeName());
    }
    Map<String, Member> found = new HashMap<>(4);
    while (stream.next() == Token.NAME) {
      String name = wantedName(stream, wanted);
      Token token = stream.next();
      int offset = stream.tokenStart();
      String text =
          name == null
              ? null
              : switch (token) {
                case STRING -> stream.stringValue();
                case NUMBER -> stream.lexeme();
                default -> null;
              };
      stream.skip();
      if (name != null) {
        found.put(name, new Member(token, offset, stream.tokenEnd(), text));
      }
    }
    return new StreamedObject(path, found);
  }

  /** The object that starts at {@code offset} of {@code json}. */
  static StreamedObject at(byte[] json, int offset, String path, String... wanted) {
    JsonStream stream = JsonStream.valueAt(json, offset);
    stream.next();
    return read(stream, path, wanted);
  }

  private static String wantedName(JsonStream stream, String[] wanted) {
    for (String name : wanted) {
      if (stream.textEquals(name)) {
        return name;
      }
    }
    return null;
  }

  String path() {
    return path;
  }

  /** The member, or null when the object does not have it. */
  Member member(String key) {
    return members.get(key);
  }

  String string(String key) {
    Member member = require(key);
    if (member.token() != Token.STRING) {
      throw fail(path + "." + key + " must be a string, not " + member.describe());
    }
    return member.text();
  }

  /** Where the member's value, an object, starts. */
  int objectAt(String key) {
    Member member = require(key);
    if (member.token() != Token.START_OBJECT) {
      throw fail(path + "." + key + " must be an object, not " + member.token().typeName());
    }
    return member.offset();
  }

  /** Where the member's value, an array, starts. */
  int arrayAt(String key) {
    Member member = require(key);
    if (member.token() != Token.START_ARRAY) {
      throw fail(path + "." + key + " must be an array, not " + member.describe());
    }
    return member.offset();
  }

  private Member require(String key) {
    Member member = members.get(key);
    if (member == null) {
      throw fail(path + "." + key + " is missing");
    }
    return member;
  }

  private static RunpackException fail(String message) {
    return new RunpackException(ErrorCode.INVALID_JSON, message);
  }
}
