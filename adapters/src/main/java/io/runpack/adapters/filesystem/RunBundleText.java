package io.runpack.adapters.filesystem;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunLog;
import io.runpack.json.Canonicalizer;
import io.runpack.json.JsonCanonical;
import io.runpack.json.JsonError;
import io.runpack.json.JsonException;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonStream;
import io.runpack.json.JsonValue;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A run bundle {@code {"spec":…,"state":…}} read from its text without a tree of its contents: the
 * text is checked once as a stream ({@link JsonStream}, the canonicalizer's refusals), then the
 * bundle, the spec and the state are taken apart one level deep. Every array or object inside them
 * (each of the six logs, whole) goes through the one-pass canonicalizer and is held as its
 * canonical bytes; only scalars (ids, the spec hash) are decoded.
 *
 * <p>Guarantee: memory proportional to the text's bytes whatever its shape; a log of millions of
 * tiny records costs its bytes, never an object per record. The bytes written for the artifacts are
 * the same as from a tree (canonical form does not depend on how the value was held). Canonical
 * bytes can be several times the text (a number such as {@code 1e20} is written out in full), so a
 * log is canonicalized only up to the export's artifact limit, and the spec's members together too:
 * past it, the export's own refusal of that artifact ({@link RunpackJson#artifactOverLimit}), with
 * its message as the export gives it, before the rest is read.
 */
final class RunBundleText {

  private static final String SPEC_HASH = "spec_hash";

  /**
   * Canonical bytes of the values that are no artifact (the state's members but its logs, a
   * bundle's members but its spec and state), together: nothing of them is written, so they are
   * held to one artifact's limit rather than canonicalized without bound (a number such as {@code
   * 1e20} is several times longer canonical than written).
   */
  private long othersLeft = Limits.MAX_ARTIFACT_BYTES;

  private static final Map<String, String> LOG_ARTIFACTS = logArtifacts();

  private final byte[] text;
  private final JacksonJsonCodec codec;
  private JsonStream stream; // once the text is checked
  private final Canonicalizer canonicalizer = new Canonicalizer(); // one per text read

  /** The refusal of an artifact over its limit: not the bundle's defect, so said as the export. */
  private RunpackException overLimit;

  private RunBundleText(byte[] text, JacksonJsonCodec codec) {
    this.text = text;
    this.codec = codec;
  }

  /**
   * The run in {@code text}; a defect is invalid run data with {@code source} in front (invalid
   * JSON being {@link ErrorCode#INVALID_JSON}, as from a decoder), an artifact over its limit the
   * export's refusal of it.
   */
  static LoadedRun read(byte[] text, JacksonJsonCodec codec, String source) {
    RunBundleText reader = new RunBundleText(text, codec);
    return reader.failingAs(
        source,
        () -> {
          reader.check();
          return LoadedRun.fromBundle(reader.bundle());
        });
  }

  /**
   * A run state alone (Decision Gate's CLI takes the spec and the state as two files), read the
   * same way as inside a bundle: its logs held as canonical bytes. Not yet checked as a run state.
   */
  static JsonObject state(byte[] text, JacksonJsonCodec codec, String source) {
    RunBundleText reader = new RunBundleText(text, codec);
    return reader.failingAs(
        source,
        () -> {
          reader.check();
          JsonStream.Token first = reader.stream.next();
          if (first != JsonStream.Token.START_OBJECT) {
            throw new RunpackException(
                ErrorCode.INVALID_RUN_DATA, "state must be an object, not " + first.typeName());
          }
          return reader.members(Optional.empty(), true);
        });
  }

  /** Every refusal of the text first, before any member is looked at; then its stream. */
  private void check() {
    RunpackJson.check(text);
    stream = JsonStream.of(text);
  }

  private <T> T failingAs(String source, Supplier<T> read) {
    try {
      return read.get();
    } catch (RunpackException e) {
      throw e == overLimit ? e : e.asRunData(source);
    }
  }

  private JsonValue bundle() {
    JsonStream.Token first = stream.next();
    if (first != JsonStream.Token.START_OBJECT) {
      throw new RunpackException(
          ErrorCode.INVALID_RUN_DATA, "bundle must be an object, not " + first.typeName());
    }
    JsonObject.Builder bundle = JsonObject.builder();
    while (stream.next() == JsonStream.Token.NAME) {
      String key = stream.stringValue();
      JsonStream.Token value = stream.next();
      boolean opened = value == JsonStream.Token.START_OBJECT;
      JsonValue member;
      if (opened && key.equals("spec")) {
        member = members(Optional.of(RunLog.SCENARIO_SPEC_PATH), false);
      } else if (opened && key.equals("state")) {
        member = members(Optional.empty(), true);
      } else {
        member = otherValue(false);
      }
      bundle.put(key, member);
    }
    return bundle.build();
  }

  /**
   * The object whose '{' was just read, its members held by {@link #value}; the spec hash, a small
   * object the exporter reads, as a tree. With {@code artifact}, the object is that artifact: its
   * members' canonical bytes together stay within the limit. With {@code state}, a member named as
   * a log is that log's artifact, within the limit on its own.
   */
  private JsonObject members(Optional<String> artifact, boolean state) {
    JsonObject.Builder object = JsonObject.builder();
    long left = Limits.MAX_ARTIFACT_BYTES - 2L; // the object's braces
    while (stream.next() == JsonStream.Token.NAME) {
      String key = stream.stringValue();
      stream.next();
      Optional<String> within = state ? Optional.ofNullable(LOG_ARTIFACTS.get(key)) : artifact;
      JsonValue value;
      if (within.isEmpty()) {
        value = otherValue(key.equals(SPEC_HASH));
      } else if (state) {
        value = value(false, Limits.MAX_ARTIFACT_BYTES, within); // a log: an artifact of its own
      } else { // a member of the artifact: within what it has left
        value = value(key.equals(SPEC_HASH), (int) Math.max(0, left), within);
        if (value instanceof JsonCanonical canonical) {
          left -= canonical.length(); // a lower bound of the member's bytes: its key not counted
        }
      }
      object.put(key, value);
    }
    return object.build();
  }

  /** A value that is no artifact's ({@link #othersLeft}): within what their budget has left. */
  private JsonValue otherValue(boolean tree) {
    JsonValue value = value(tree, (int) Math.max(0, othersLeft), Optional.empty());
    if (value instanceof JsonCanonical canonical) {
      othersLeft -= canonical.length();
    }
    return value;
  }

  /**
   * The value whose first token was just read: its canonical bytes if a container (and not {@code
   * tree}), at most {@code limit} of them, past which it is the refusal of {@code artifact}; else
   * decoded.
   */
  private JsonValue value(boolean tree, int limit, Optional<String> artifact) {
    int start = stream.tokenStart();
    boolean container =
        stream.token() == JsonStream.Token.START_OBJECT
            || stream.token() == JsonStream.Token.START_ARRAY;
    stream.skip();
    byte[] span = Arrays.copyOfRange(text, start, stream.tokenEnd());
    if (!container || tree) {
      return codec.decode(span);
    }
    try {
      return canonicalizer.canonicalValue(span, limit);
    } catch (JsonException e) {
      if (e.error() == JsonError.SIZE_LIMIT && artifact.isPresent()) {
        overLimit = RunpackJson.artifactOverLimit(artifact.get());
        throw overLimit;
      }
      if (e.error() == JsonError.SIZE_LIMIT) {
        throw new RunpackException(
            ErrorCode.LIMIT_EXCEEDED,
            "the members that are no artifact (of the state but its logs, of the bundle but its"
                + " spec and state) take more than "
                + Limits.MAX_ARTIFACT_BYTES
                + " bytes of canonical JSON together, the limit");
      }
      throw RunpackJson.failure(e);
    }
  }

  private static Map<String, String> logArtifacts() {
    Map<String, String> artifacts = new HashMap<>();
    for (RunLog log : RunLog.values()) {
      artifacts.put(log.stateField(), log.path());
    }
    return Map.copyOf(artifacts);
  }
}
