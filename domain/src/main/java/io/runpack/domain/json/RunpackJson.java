package io.runpack.domain.json;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.json.CanonicalJson;
import io.runpack.json.Canonicalizer;
import io.runpack.json.JsonCanonical;
import io.runpack.json.JsonException;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonStream;
import io.runpack.json.JsonValue;
import io.runpack.json.PrettyJson;
import java.util.function.Supplier;

/**
 * The border between the canonical JSON library ({@code io.runpack.json}) and Runpack: the calls
 * Runpack makes into it, each failing as Runpack fails, with a {@link RunpackException}. A {@link
 * JsonException} becomes {@link ErrorCode#LIMIT_EXCEEDED} for a named limit and {@link
 * ErrorCode#INVALID_JSON} for anything else, with the library's message as it is: the codes and
 * messages callers see are the ones Runpack has always given (the corpus and the CLI tests hold
 * them).
 */
public final class RunpackJson {

  private RunpackJson() {}

  /** The library's refusal as Runpack's: same message, code by {@link #code}. */
  public static RunpackException failure(JsonException refusal) {
    return new RunpackException(code(refusal), refusal.getMessage(), refusal);
  }

  /**
   * The refusal of an artifact at {@code path} whose canonical bytes pass {@link
   * Limits#MAX_ARTIFACT_BYTES}, exactly as the export gives it when it writes the artifact ({@code
   * artifacts/triggers.json: canonical JSON exceeds the limit of 16777216 bytes}): for a run store
   * that counts a log's bytes as it reads them, so the outcome is the same, only sooner.
   */
  public static RunpackException artifactOverLimit(String path) {
    return failure(JsonException.sizeLimit(Limits.MAX_ARTIFACT_BYTES)).asRunData(path);
  }

  /** {@link ErrorCode#LIMIT_EXCEEDED} for a named limit, {@link ErrorCode#INVALID_JSON} else. */
  public static ErrorCode code(JsonException refusal) {
    return refusal.error().isLimit() ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.INVALID_JSON;
  }

  /** {@link CanonicalJson#toBytes(JsonValue)}. */
  public static byte[] toBytes(JsonValue value) {
    return call(() -> CanonicalJson.toBytes(value));
  }

  /** {@link CanonicalJson#toBytes(JsonValue, int)}. */
  public static byte[] toBytes(JsonValue value, int maxBytes) {
    return call(() -> CanonicalJson.toBytes(value, maxBytes));
  }

  /** {@link CanonicalJson#escapedUtf8(String)}. */
  public static byte[] escapedUtf8(String s) {
    return call(() -> CanonicalJson.escapedUtf8(s));
  }

  /** {@link CanonicalJson#canonicalize(byte[], int)}. */
  public static byte[] canonicalize(byte[] json, int maxBytes) {
    return call(() -> CanonicalJson.canonicalize(json, maxBytes));
  }

  /** Runs {@code call}, its {@link JsonException} turned into Runpack's failure. */
  public static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (JsonException e) {
      throw failure(e);
    }
  }

  /**
   * {@link Canonicalizer#canonicalValue(byte[], int)}, with the caller's working memory (called
   * once a record when a run is loaded, so without a lambda).
   */
  public static JsonCanonical canonicalValue(
      Canonicalizer canonicalizer, byte[] json, int maxBytes) {
    try {
      return canonicalizer.canonicalValue(json, maxBytes);
    } catch (JsonException e) {
      throw failure(e);
    }
  }

  /** {@link JsonStream#check(byte[])}. */
  public static void check(byte[] json) {
    call(
        () -> {
          JsonStream.check(json);
          return null;
        });
  }

  /** {@link JsonNumber#of(String)}. */
  public static JsonNumber number(String lexeme) {
    return call(() -> JsonNumber.of(lexeme));
  }

  /** {@link PrettyJson#format(byte[], int)}. */
  public static byte[] pretty(byte[] json, int maxBytes) {
    return call(() -> PrettyJson.format(json, maxBytes));
  }
}
