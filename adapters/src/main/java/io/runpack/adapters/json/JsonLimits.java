package io.runpack.adapters.json;

import io.runpack.domain.model.Limits;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonNumber;

/**
 * The named limits of JSON read from outside: whole document, nesting depth, string and number
 * length. Defaults fit every valid runpack artifact and run bundle.
 */
public record JsonLimits(
    long maxDocumentBytes, int maxDepth, int maxStringLength, int maxNumberLength) {

  /** Limits for run bundles and runpack files. */
  public static final JsonLimits DEFAULTS =
      new JsonLimits(
          Limits.MAX_RUN_BYTES,
          Limits.MAX_JSON_DEPTH,
          Limits.MAX_ARTIFACT_BYTES,
          Limits.MAX_NUMBER_LENGTH);

  /** Limits for a runpack_export request. */
  public static final JsonLimits REQUEST = DEFAULTS.withMaxDocumentBytes(Limits.MAX_REQUEST_BYTES);

  public JsonLimits {
    if (maxDocumentBytes < 1 || maxDepth < 1 || maxStringLength < 1 || maxNumberLength < 1) {
      throw new IllegalArgumentException("JSON limits must be positive");
    }
    if (maxDepth > CanonicalJson.MAX_DEPTH) {
      throw new IllegalArgumentException(
          "maxDepth cannot exceed what can be written: " + CanonicalJson.MAX_DEPTH);
    }
    if (maxNumberLength > JsonNumber.MAX_LEXEME_LENGTH) {
      throw new IllegalArgumentException(
          "maxNumberLength cannot exceed " + JsonNumber.MAX_LEXEME_LENGTH);
    }
  }

  /** The same limits with another document size, e.g. 64 KiB for API requests. */
  public JsonLimits withMaxDocumentBytes(long bytes) {
    return new JsonLimits(bytes, maxDepth, maxStringLength, maxNumberLength);
  }
}
