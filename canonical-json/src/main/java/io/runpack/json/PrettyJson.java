package io.runpack.json;

import java.nio.charset.StandardCharsets;

/**
 * JSON text re-written indented, as Decision Gate's {@code runpack pretty} writes it (the layout of
 * serde_json's pretty printer; FORMAT §6): two spaces per level, {@code "key": value}, one member
 * or element per line, {@code []} and {@code {}} for empty containers, a newline at the end.
 * Members keep the order of the input; strings are escaped and numbers written as in canonical form
 * (FORMAT §1), so a canonical artifact keeps every token as it was.
 *
 * <p>Reads the text as a stream ({@link JsonStream}: the canonicalizer's refusals, depth limit);
 * the output is bounded by {@code maxBytes} ({@link JsonError#SIZE_LIMIT}), since indentation can
 * make it many times larger than its input.
 */
public final class PrettyJson {

  private static final byte[] INDENT = "  ".getBytes(StandardCharsets.US_ASCII);

  private final JsonStream stream;
  private final ByteOutput out;

  private PrettyJson(byte[] json, int maxBytes) {
    this.stream = JsonStream.of(json);
    this.out = new ByteOutput(maxBytes);
  }

  /** The indented form of {@code json}, ending in a newline. */
  public static byte[] format(byte[] json, int maxBytes) {
    JsonStream.check(json); // every refusal first, naming its offset
    PrettyJson pretty = new PrettyJson(json, maxBytes);
    try {
      pretty.value(pretty.stream.next(), 0);
      pretty.out.write('\n');
    } catch (JsonException e) {
      // the text was checked whole first (depth, number length): a limit now is the output's
      if (e.error().isLimit()) {
        throw new JsonException(
            JsonError.SIZE_LIMIT, "indented JSON exceeds the limit of " + maxBytes + " bytes");
      }
      throw e;
    }
    return pretty.out.toByteArray();
  }

  private void value(JsonStream.Token token, int level) {
    switch (token) {
      case START_OBJECT -> container(JsonStream.Token.END_OBJECT, '{', '}', level);
      case START_ARRAY -> container(JsonStream.Token.END_ARRAY, '[', ']', level);
      case STRING -> string();
      case NUMBER ->
          out.write(
              CanonicalJson.canonicalize(
                  stream.lexeme().getBytes(StandardCharsets.US_ASCII), 1024));
      case TRUE -> out.writeAscii("true");
      case FALSE -> out.writeAscii("false");
      case NULL -> out.writeAscii("null");
      default -> throw new IllegalStateException("not a value: " + token);
    }
  }

  private void container(JsonStream.Token end, char open, char close, int level) {
    out.write(open);
    JsonStream.Token token = stream.next();
    if (token == end) {
      out.write(close);
      return;
    }
    boolean object = end == JsonStream.Token.END_OBJECT;
    boolean first = true;
    while (token != end) {
      if (!first) {
        out.write(',');
      }
      first = false;
      newline(level + 1);
      if (object) {
        string(); // the member's name
        out.writeAscii(": ");
        token = stream.next();
      }
      value(token, level + 1);
      token = stream.next();
    }
    newline(level);
    out.write(close);
  }

  private void string() {
    out.write('"');
    out.write(CanonicalJson.escapedUtf8(stream.stringValue()));
    out.write('"');
  }

  private void newline(int level) {
    out.write('\n');
    for (int i = 0; i < level; i++) {
      out.write(INDENT);
    }
  }
}
