package io.runpack.json;

/**
 * The one failure type of this library: a stable {@link JsonError} code and a precise message
 * naming what was refused and, for text, the byte offset where (e.g. {@code duplicate key "a" at
 * byte 9}). The message quotes the input only in short, so it is safe to pass on to a caller. It
 * carries no cause and fills in no stack trace: refusing hostile input is not a defect.
 */
public final class JsonException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final JsonError error;

  public JsonException(JsonError error, String message) {
    super(message, null, false, false);
    this.error = java.util.Objects.requireNonNull(error, "error");
  }

  /**
   * The refusal of output over {@code limit} bytes ({@link JsonError#SIZE_LIMIT}): what every call
   * given a byte limit throws, and what a caller that counts the bytes itself throws for the same
   * rule.
   */
  public static JsonException sizeLimit(long limit) {
    return new JsonException(
        JsonError.SIZE_LIMIT, "canonical JSON exceeds the limit of " + limit + " bytes");
  }

  public JsonError error() {
    return error;
  }

  /** The same refusal with {@code suffix} (e.g. {@code " at byte 12"}) after its message. */
  JsonException withSuffix(String suffix) {
    return new JsonException(error, getMessage() + suffix);
  }
}
