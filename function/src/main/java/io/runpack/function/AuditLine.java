package io.runpack.function;

import java.util.Optional;

/**
 * Writes one audit record: a JSON object on one line, in printable ASCII only.
 *
 * <p>Guarantee: whatever the strings hold, the line is valid strict JSON that decodes to them (lone
 * surrogates become U+FFFD) and contains no byte outside 0x20-0x7E: every quote, backslash, control
 * character (C0, DEL, C1 with U+0085), U+2028, U+2029 and every other non-ASCII character is
 * escaped. So no input can end the line, start another one, or look like the end of a string, for
 * any reader in any encoding.
 */
final class AuditLine {

  private final StringBuilder out = new StringBuilder(640).append('{');

  /** A string member, {@code null} when absent. */
  AuditLine text(String key, Optional<String> value) {
    key(key);
    if (value.isEmpty()) {
      out.append("null");
    } else {
      string(value.get());
    }
    return this;
  }

  AuditLine text(String key, String value) {
    return text(key, Optional.ofNullable(value));
  }

  /** An unsigned 64-bit integer member, {@code null} when absent. */
  AuditLine unsigned(String key, Optional<Long> value) {
    key(key);
    out.append(value.map(Long::toUnsignedString).orElse("null"));
    return this;
  }

  /** The finished line, without a line break. */
  String end() {
    return out.append('}').toString();
  }

  private void key(String key) {
    if (out.length() > 1) {
      out.append(',');
    }
    string(key);
    out.append(':');
  }

  private void string(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1))) {
          escape(c);
          escape(value.charAt(++i));
        } else {
          escape('\uFFFD');
        }
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c >= 0x7f) {
        escape(c);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private void escape(char c) {
    String hex = Integer.toHexString(c);
    out.append("\\u").append("0000", hex.length(), 4).append(hex);
  }
}
