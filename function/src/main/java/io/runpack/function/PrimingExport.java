package io.runpack.function;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.request.ExportRequestParser;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.out.LoadRunPort;
import io.runpack.domain.port.out.PublishRunpackPort;
import io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * One complete export of a bundled example run (every log present) through in-memory adapters: the
 * request parsed by the real parser, the run decoded by the real codec, then canonicalization,
 * hashing, the manifest and the verification report, exactly as a real export does them, into an
 * in-memory sink. It is what SnapStart priming runs before the snapshot, so that the export path is
 * loaded, initialized and compiled in it.
 *
 * <p>Guarantees: no AWS client, no credentials, no network, no file written, no clock read (the
 * request carries its {@code generated_at}), no random number drawn. A priming export that does not
 * produce a passing report is an {@link IllegalStateException}: a build whose own example run
 * cannot be exported must not be snapshotted.
 */
final class PrimingExport {

  /** The example request and run of examples/, copied in by the build. */
  static final String REQUEST = "/priming/requests/release-2026-11-26.json";

  static final String RUN = "/priming/runs/1/1/release-2026-11-26.json";
  static final String STORAGE_URI = "memory:priming";

  private final ExportRequestParser parser;
  private final ExportRunpackService exporter;
  private final byte[] request;

  PrimingExport(JacksonJsonCodec codec, ExportRequestParser parser, ExportSettings settings) {
    this(codec, parser, settings, memoryStore(codec, resource(RUN)), new MemorySink());
  }

  /**
   * The same export through {@code store} and {@code sink}, which must serve the example run
   * ({@link #exampleRun}) and accept its runpack ({@link PrimingRequests}: the real adapters, on a
   * stub).
   */
  PrimingExport(
      JacksonJsonCodec codec,
      ExportRequestParser parser,
      ExportSettings settings,
      LoadRunPort store,
      PublishRunpackPort sink) {
    this.parser = parser;
    this.request = resource(REQUEST);
    this.exporter = new ExportRunpackService(store, sink, codec, settings);
  }

  /** The example run the priming request names, decoded by the real codec. */
  static LoadedRun exampleRun(JacksonJsonCodec codec) {
    return LoadedRun.fromBundle(codec.decode(resource(RUN)));
  }

  /** Runs the export once; returns the size of its canonical output, as the handler writes it. */
  ExportResult run() {
    ExportResult result = exporter.export(parser.parse(request));
    if (result.report().isEmpty() || !result.report().get().passed()) {
      throw new IllegalStateException("the priming export did not verify: " + result.report());
    }
    RunpackJson.toBytes(result.toJson()); // the handler's output, as a real export's
    return result;
  }

  /** Decodes the run on every load, as a real store does. */
  private static LoadRunPort memoryStore(JacksonJsonCodec codec, byte[] run) {
    return key -> {
      LoadedRun loaded = LoadedRun.fromBundle(codec.decode(run));
      if (!loaded.state().key().equals(key)) {
        throw new IllegalStateException("the priming request names another run: " + key);
      }
      return loaded;
    };
  }

  private static byte[] resource(String name) {
    try (InputStream in = PrimingExport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the function is packaged without " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  /** Keeps nothing: the runpack's bytes were made, hashed and verified, and are dropped. */
  private static final class MemorySink implements PublishRunpackPort {
    @Override
    public Optional<String> publish(
        RunpackTarget target,
        List<RunpackFile> artifacts,
        RunpackFile manifest,
        StoredSignatureCheck storedSignature) {
      return Optional.of(STORAGE_URI);
    }
  }
}
