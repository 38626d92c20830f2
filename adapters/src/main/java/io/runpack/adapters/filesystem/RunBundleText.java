package io.runpack.adapters.filesystem;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.LoadedRun;
import io.runpack.json.Canonicalizer;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonStream;
import io.runpack.json.JsonValue;
import java.util.Arrays;

/**
 * A run bundle {@code {"spec":…,"state":…}} read from its text without a tree of its contents: the
 * text is checked once as a stream ({@link JsonStream}, the canonicalizer's refusals), then the
 * bundle, the spec and the state are taken apart one level deep. Every array or object inside them
 * (each of the six logs, whole) goes through the one-pass canonicalizer and is held as its
 * canonical bytes; only scalars (ids, the spec hash) are decoded.
 *
 * <p>Guarantee: memory proportional to the text's bytes whatever its shape; a log of millions of
 * tiny records costs its bytes, never an object per record. The bytes written for the artifacts are
 * the same as from a tree (canonical form does not depend on how the value was held).
 */
final class RunBundleText {

  private static final String SPEC_HASH = "spec_hash";
  private static final int NO_LIMIT = Integer.MAX_VALUE - 8; // the document limit applies

  private final byte[] text;
  private final JacksonJsonCodec codec;
  private final JsonStream stream;
  private final Canonicalizer canonicalizer = new Canonicalizer(); // one per text read

  private RunBundleText(byte[] text, JacksonJsonCodec codec) {
    this.text = text;
    this.codec = codec;
    this.stream = JsonStream.of(text);
  }

  /** The run in {@code text}; invalid JSON is {@link ErrorCode#INVALID_JSON}, as from a decoder. */
  static LoadedRun read(byte[] text, JacksonJsonCodec codec) {
    RunpackJson.check(text); // every refusal first, before any member is looked at
    return LoadedRun.fromBundle(new RunBundleText(text, codec).bundle());
  }

  /**
   * A run state alone (Decision Gate's CLI takes the spec and the state as two files), read the
   * same way as inside a bundle: its logs held as canonical bytes. Not yet checked as a run state.
   */
  static JsonObject state(byte[] text, JacksonJsonCodec codec) {
    RunpackJson.check(text);
    RunBundleText reader = new RunBundleText(text, codec);
    JsonStream.Token first = reader.stream.next();
    if (first != JsonStream.Token.START_OBJECT) {
      throw new RunpackException(
          ErrorCode.INVALID_RUN_DATA, "state must be an object, not " + first.typeName());
    }
    return reader.members();
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
      bundle.put(
          key, opened && (key.equals("spec") || key.equals("state")) ? members() : value(false));
    }
    return bundle.build();
  }

  /**
   * The object whose '{' was just read, its members held by {@link #value}; the spec hash, a small
   * object the exporter reads, as a tree.
   */
  private JsonObject members() {
    JsonObject.Builder object = JsonObject.builder();
    while (stream.next() == JsonStream.Token.NAME) {
      String key = stream.stringValue();
      stream.next();
      object.put(key, value(key.equals(SPEC_HASH)));
    }
    return object.build();
  }

  /**
   * The value whose first token was just read: its canonical bytes if a container (and not {@code
   * tree}), else decoded.
   */
  private JsonValue value(boolean tree) {
    int start = stream.tokenStart();
    boolean container =
        stream.token() == JsonStream.Token.START_OBJECT
            || stream.token() == JsonStream.Token.START_ARRAY;
    stream.skip();
    byte[] span = Arrays.copyOfRange(text, start, stream.tokenEnd());
    return container && !tree
        ? RunpackJson.canonicalValue(canonicalizer, span, NO_LIMIT)
        : codec.decode(span);
  }
}
