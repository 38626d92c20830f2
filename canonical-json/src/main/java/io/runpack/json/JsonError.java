package io.runpack.json;

/**
 * The stable code of every refusal of this library, one per rule broken. Codes are part of the API:
 * callers map them to their own errors (Runpack's domain maps the limits to {@code limit_exceeded}
 * and the rest to {@code invalid_json}), and tests assert them.
 *
 * <p>The rules: RFC 8259 (strict JSON text), RFC 3629 (strict UTF-8), RFC 8785 §3.2.2.2 (no lone
 * surrogates) and §3.2.2.3 (numbers are finite doubles), FORMAT §1 (keys are unique) and the named
 * limits of {@link CanonicalJson#MAX_DEPTH}, {@link JsonNumber#MAX_LEXEME_LENGTH} and the byte
 * limit each call is given.
 */
public enum JsonError {
  /**
   * Not strict JSON text: grammar, UTF-8, escapes, a byte order mark, an invalid number literal.
   */
  INVALID_JSON(false),
  /** An object with the same key twice (after unescaping). */
  DUPLICATE_KEY(false),
  /** A string holding a lone UTF-16 surrogate, which has no UTF-8 form. */
  LONE_SURROGATE(false),
  /** A number with no finite double value (it overflows), or a NaN or infinite double. */
  NUMBER_OUT_OF_RANGE(false),
  /** Arrays and objects nested deeper than {@link CanonicalJson#MAX_DEPTH}. */
  DEPTH_LIMIT(true),
  /** A number lexeme longer than {@link JsonNumber#MAX_LEXEME_LENGTH} characters. */
  NUMBER_LENGTH_LIMIT(true),
  /** Output that would exceed the byte limit of the call. */
  SIZE_LIMIT(true);

  private final boolean limit;

  JsonError(boolean limit) {
    this.limit = limit;
  }

  /** True for a named limit exceeded, false for text or a value that breaks a rule. */
  public boolean isLimit() {
    return limit;
  }
}
