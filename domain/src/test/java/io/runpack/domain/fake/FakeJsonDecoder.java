package io.runpack.domain.fake;

import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.Limits;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonBoolean;
import io.runpack.json.JsonNull;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link JsonDecoder} port for domain tests, with the JDK alone: the domain's own strict
 * canonicalizer ({@link CanonicalJson#canonicalize}) accepts or refuses the text, with its codes
 * and messages (invalid JSON, duplicate keys, depth and size limits); accepted text is then read
 * into the domain's value model, members in their written order, numbers as their written lexemes.
 */
public final class FakeJsonDecoder implements JsonDecoder {

  @Override
  public JsonValue decode(byte[] utf8) {
    RunpackJson.canonicalize(utf8, Limits.MAX_ARTIFACT_BYTES); // refuses what is not strict JSON
    return new Text(new String(utf8, StandardCharsets.UTF_8)).document();
  }

  /** Reads text already known to be strict JSON. */
  private static final class Text {
    private final String s;
    private int pos;

    Text(String s) {
      this.s = s;
      this.pos = s.startsWith("\uFEFF") ? 1 : 0;
    }

    JsonValue document() {
      return value();
    }

    private JsonValue value() {
      skipWhitespace();
      char c = s.charAt(pos);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return new JsonString(string());
        case 't':
          pos += 4;
          return JsonBoolean.TRUE;
        case 'f':
          pos += 5;
          return JsonBoolean.FALSE;
        case 'n':
          pos += 4;
          return JsonNull.INSTANCE;
        default:
          return number();
      }
    }

    private JsonObject object() {
      pos++;
      JsonObject.Builder members = JsonObject.builder();
      skipWhitespace();
      if (s.charAt(pos) == '}') {
        pos++;
        return members.build();
      }
      while (true) {
        skipWhitespace();
        String key = string();
        skipWhitespace();
        pos++; // ':'
        members.put(key, value());
        skipWhitespace();
        if (s.charAt(pos++) == '}') {
          return members.build();
        }
      }
    }

    private JsonArray array() {
      pos++;
      List<JsonValue> elements = new ArrayList<>();
      skipWhitespace();
      if (s.charAt(pos) == ']') {
        pos++;
        return new JsonArray(elements);
      }
      while (true) {
        elements.add(value());
        skipWhitespace();
        if (s.charAt(pos++) == ']') {
          return new JsonArray(elements);
        }
      }
    }

    private String string() {
      pos++; // opening quote
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escape = s.charAt(pos++);
        switch (escape) {
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(escape); // '"', '\\' and '/'
        }
      }
    }

    private JsonNumber number() {
      int start = pos;
      while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
      return JsonNumber.of(s.substring(start, pos));
    }

    private void skipWhitespace() {
      while (pos < s.length() && " \t\n\r".indexOf(s.charAt(pos)) >= 0) {
        pos++;
      }
    }
  }
}
