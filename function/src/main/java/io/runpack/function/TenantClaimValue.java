package io.runpack.function;

import io.runpack.domain.error.OneLine;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;

/**
 * What a tenant claim's value must be: a decimal tenant id, 1 to 18446744073709551615, written with
 * ASCII digits only: no sign, no leading zero, no whitespace, no control character, no fraction or
 * exponent. A JSON string or a JSON number with such a lexeme (Lambda authorizers may pass
 * numbers). Nothing is trimmed or converted: {@code " 1"}, {@code "1\u0000"}, {@code 2.0}, {@code
 * ["2"]} and {@code ""} are malformed, never "missing".
 */
final class TenantClaimValue {

  static final String LARGEST = "18446744073709551615";
  static final String RULE =
      "a tenant claim is a decimal tenant id (1 to " + LARGEST + ", digits only)";

  private TenantClaimValue() {}

  /** Why {@code value} is not a usable tenant claim, or null when it is. */
  static String problem(JsonValue value) {
    String text;
    if (value instanceof JsonString string) {
      text = string.value();
    } else if (value instanceof JsonNumber number) {
      text = number.lexeme();
    } else {
      String type = value.typeName();
      return "is "
          + (type.equals("null")
              ? ""
              : type.equals("object") || type.equals("array") ? "an " : "a ")
          + type
          + ", not a string or an integer";
    }
    if (text.isEmpty()) {
      return "is empty";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || OneLine.isUnsafe(c)) {
        return "contains whitespace or a control character";
      }
      return c == '+' || c == '-' ? "has a sign" : "is not written with the digits 0-9 only";
    }
    if (text.charAt(0) == '0') {
      return text.length() == 1 ? "is zero" : "has a leading zero";
    }
    if (text.length() > LARGEST.length()
        || (text.length() == LARGEST.length() && text.compareTo(LARGEST) > 0)) {
      return "is larger than " + LARGEST;
    }
    return null;
  }

  /** The tenant id (unsigned) of a value {@link #problem} accepts. */
  static long tenant(JsonValue value) {
    String text =
        value instanceof JsonString string ? string.value() : ((JsonNumber) value).lexeme();
    return Long.parseUnsignedLong(text);
  }
}
