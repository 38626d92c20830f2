package io.runpack.adapters.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonBoolean;
import io.runpack.json.JsonCanonical;
import io.runpack.json.JsonException;
import io.runpack.json.JsonNull;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON bytes to the domain's value model and back, with Jackson's streaming API.
 *
 * <p>Guarantees: number lexemes are kept as written; duplicate keys, trailing content, a byte order
 * mark, anything but strict UTF-8 ({@link Utf8}) and anything beyond {@link JsonLimits} are refused
 * with a typed error that says what and where (line and column); no exception but {@link
 * RunpackException} escapes.
 */
public final class JacksonJsonCodec implements JsonDecoder {

  private final JsonLimits limits;
  private final JsonFactory factory;

  public JacksonJsonCodec() {
    this(JsonLimits.DEFAULTS);
  }

  public JacksonJsonCodec(JsonLimits limits) {
    this.limits = limits;
    // Jackson's own constraints are a backstop; the checks below give the precise messages.
    this.factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth() + 1)
                    .maxStringLength(limits.maxStringLength())
                    .maxNameLength(limits.maxStringLength()) // a name is a string (RFC 8259 §4)
                    .maxNumberLength(limits.maxNumberLength())
                    .maxDocumentLength(limits.maxDocumentBytes())
                    .build())
            .build();
  }

  public JsonLimits limits() {
    return limits;
  }

  /**
   * The parser factory with this codec's limits, for a reader that needs Jackson's own tree (the
   * schema validator): the same text then meets the same limits, in the same words.
   */
  public JsonFactory factory() {
    return factory;
  }

  @Override
  public JsonValue decode(byte[] utf8) {
    if (utf8.length > limits.maxDocumentBytes()) {
      throw new RunpackException(
          ErrorCode.LIMIT_EXCEEDED,
          "JSON document of "
              + utf8.length
              + " bytes exceeds the limit of "
              + limits.maxDocumentBytes());
    }
    if (utf8.length >= 3
        && (utf8[0] & 0xff) == 0xef
        && (utf8[1] & 0xff) == 0xbb
        && (utf8[2] & 0xff) == 0xbf) {
      // RFC 8259 §8.1; Decision Gate's reader refuses it too, and Jackson would skip it
      throw new RunpackException(
          ErrorCode.INVALID_JSON, "byte order mark (U+FEFF) before the JSON text at byte 0");
    }
    Utf8.check(utf8);
    try (JsonParser parser = factory.createParser(utf8)) {
      if (parser.nextToken() == null) {
        throw new RunpackException(ErrorCode.INVALID_JSON, "empty JSON document");
      }
      JsonValue value = readValue(parser, 0);
      if (parser.nextToken() != null) {
        throw failAt(ErrorCode.INVALID_JSON, "trailing content after the JSON value", parser);
      }
      return value;
    } catch (StreamConstraintsException e) {
      throw new RunpackException(
          ErrorCode.LIMIT_EXCEEDED,
          ParserMessages.limit(e.getOriginalMessage()) + where(e.getLocation()));
    } catch (JsonProcessingException e) {
      throw new RunpackException(
          ErrorCode.INVALID_JSON,
          ParserMessages.clean(e.getOriginalMessage()) + where(e.getLocation()));
    } catch (IOException e) {
      throw new RunpackException(ErrorCode.INVALID_JSON, "unreadable JSON: " + e.getMessage());
    }
  }

  /** Writes {@code value} through a Jackson generator, numbers as their original lexemes. */
  public static void write(JsonValue value, JsonGenerator generator) throws IOException {
    if (value instanceof JsonObject object) {
      generator.writeStartObject();
      for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
        generator.writeFieldName(member.getKey());
        write(member.getValue(), generator);
      }
      generator.writeEndObject();
    } else if (value instanceof JsonArray array) {
      generator.writeStartArray();
      for (JsonValue element : array.elements()) {
        write(element, generator);
      }
      generator.writeEndArray();
    } else if (value instanceof JsonString string) {
      generator.writeString(string.value());
    } else if (value instanceof JsonNumber number) {
      generator.writeNumber(number.lexeme());
    } else if (value instanceof JsonBoolean bool) {
      generator.writeBoolean(bool.value());
    } else if (value instanceof JsonCanonical canonical) {
      generator.writeRawValue(canonical.text());
    } else {
      generator.writeNull();
    }
  }

  private JsonValue readValue(JsonParser parser, int depth) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readObject(parser, enter(depth, parser));
      case START_ARRAY:
        return readArray(parser, enter(depth, parser));
      case VALUE_STRING:
        return new JsonString(parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number(parser);
      case VALUE_TRUE:
        return JsonBoolean.TRUE;
      case VALUE_FALSE:
        return JsonBoolean.FALSE;
      case VALUE_NULL:
        return JsonNull.INSTANCE;
      default:
        throw failAt(ErrorCode.INVALID_JSON, "unexpected token " + token, parser);
    }
  }

  private JsonObject readObject(JsonParser parser, int depth) throws IOException {
    JsonObject.Builder members = JsonObject.builder();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      JsonLocation at = parser.currentTokenLocation();
      if (members.containsKey(key)) {
        throw new RunpackException(
            ErrorCode.INVALID_JSON, "duplicate key \"" + key + "\"" + where(at));
      }
      parser.nextToken();
      members.put(key, readValue(parser, depth));
    }
    return members.build();
  }

  private JsonArray readArray(JsonParser parser, int depth) throws IOException {
    List<JsonValue> elements = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      elements.add(readValue(parser, depth));
    }
    return new JsonArray(elements);
  }

  private JsonNumber number(JsonParser parser) throws IOException {
    try {
      return JsonNumber.of(parser.getText());
    } catch (JsonException e) {
      throw failAt(RunpackJson.code(e), e.getMessage(), parser);
    }
  }

  private int enter(int depth, JsonParser parser) {
    if (depth >= limits.maxDepth()) {
      throw failAt(
          ErrorCode.LIMIT_EXCEEDED,
          "JSON nesting deeper than the limit of " + limits.maxDepth(),
          parser);
    }
    return depth + 1;
  }

  private static RunpackException failAt(ErrorCode code, String message, JsonParser parser) {
    return new RunpackException(code, message + where(parser.currentTokenLocation()));
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
