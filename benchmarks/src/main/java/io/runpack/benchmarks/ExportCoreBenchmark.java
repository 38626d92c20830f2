package io.runpack.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.model.Limits;
import io.runpack.json.CanonicalJson;
import io.runpack.json.Canonicalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.erdtman.jcs.JsonCanonicalizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The export core: one log document (JSON text as Decision Gate writes it, {@link CoreLog}) to its
 * canonical bytes and their SHA-256, which is all the CPU work an export does per artifact.
 * Against, on the same bytes in the same run:
 *
 * <ul>
 *   <li>{@code floorJacksonStreamingCopy} (baseline A): Jackson's streaming parser feeding its
 *       generator, token by token, and SHA-256 of the output — a copy, not a canonicalization;
 *   <li>{@code erdtmanJcs} (baseline B): the off-the-shelf RFC 8785 library and SHA-256;
 *   <li>{@code runpackTreeRoundTrip}: Runpack's previous path, strict decode to a tree and the
 *       canonical writer, kept to show what the one-pass canonicalizer replaced;
 *   <li>{@code jacksonTokensOnly}: a floor, Jackson's parser reading the tokens and nothing more.
 * </ul>
 *
 * Each returns the digest, so nothing is optimized away. Throughput is bytes of input per second
 * ({@code docs/BENCHMARKS.md} divides the document size by the time per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExportCoreBenchmark {

  /** Seed of the generated documents. */
  static final long SEED = 2026_11_26L;

  /** Document sizes: 1 KiB (one record) to just under the 16 MiB artifact limit. */
  @Param({"1024", "65536", "1048576", "16711680"})
  public int bytes;

  @Param({"TRIGGERS", "GATE_EVALS", "NUMERIC_GATE_EVALS", "UNREPEATED_NAMES", "ALTERNATING_SHAPES"})
  public CoreLog log;

  private byte[] document;

  /** The working memory a run store holds for a load, reused from one operation to the next. */
  private final Canonicalizer canonicalizer = new Canonicalizer();

  private final JsonFactory jackson = new JsonFactory();

  /** Characters of names and strings {@link #jacksonTokensOnly} decoded, so that it must. */
  private long textChars;

  private final JacksonJsonCodec codec = new JacksonJsonCodec();

  @Setup(Level.Trial)
  public void generate() {
    document = log.document(bytes, SEED);
  }

  /** The document actually measured (its size is at most {@link #bytes}). */
  public byte[] document() {
    return document;
  }

  @Benchmark
  public byte[] runpack() {
    return sha256(canonicalizer.canonicalize(document, Limits.MAX_ARTIFACT_BYTES));
  }

  @Benchmark
  public byte[] floorJacksonStreamingCopy() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(document.length);
    try (JsonParser parser = jackson.createParser(document);
        JsonGenerator generator = jackson.createGenerator(out)) {
      while (parser.nextToken() != null) {
        generator.copyCurrentEvent(parser);
      }
    }
    return sha256(out.toByteArray());
  }

  /**
   * Not a baseline but a floor: Jackson's streaming parser reading every token of the document,
   * names and strings decoded, and nothing else (no output, no hash, no order) — what reading the
   * text alone costs the fastest common Java parser. Returns the number of tokens.
   */
  @Benchmark
  public long jacksonTokensOnly() throws IOException {
    long tokens = 0;
    long chars = 0;
    try (JsonParser parser = jackson.createParser(document)) {
      for (JsonToken token; (token = parser.nextToken()) != null; tokens++) {
        if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
          chars += parser.getTextLength(); // Jackson decodes a string only when asked
        }
      }
    }
    textChars = chars;
    return tokens;
  }

  @Benchmark
  public byte[] erdtmanJcs() throws IOException {
    return sha256(new JsonCanonicalizer(document).getEncodedUTF8());
  }

  @Benchmark
  public byte[] runpackTreeRoundTrip() {
    return sha256(CanonicalJson.toBytes(codec.decode(document), Limits.MAX_ARTIFACT_BYTES));
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
