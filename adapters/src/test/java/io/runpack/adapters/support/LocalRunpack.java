package io.runpack.adapters.support;

import io.runpack.adapters.filesystem.FileSystemRunStore;
import io.runpack.adapters.filesystem.FileSystemRunpackReader;
import io.runpack.adapters.filesystem.FileSystemRunpackStorage;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** The real filesystem wiring of the use cases, as a laptop user gets it. */
public final class LocalRunpack {

  public static final JacksonJsonCodec CODEC = new JacksonJsonCodec();

  private final Path store;
  private final ExportSettings settings;

  public LocalRunpack(Path store, ExportSettings settings) {
    this.store = store;
    this.settings = settings;
  }

  public ExportResult export(ExportRunpackCommand command) {
    return new ExportRunpackService(
            new FileSystemRunStore(store, CODEC),
            new FileSystemRunpackStorage(Optional.empty()),
            CODEC,
            settings)
        .export(command);
  }

  public static VerificationReport verify(Path runpack) {
    return verify(runpack, "manifest.json");
  }

  public static VerificationReport verify(Path runpack, String manifestName) {
    return new VerifyRunpackService(CODEC)
        .verify(
            new VerifyRunpackCommand(
                new FileSystemRunpackReader(runpack), RunpackPath.of(manifestName)));
  }

  /** Puts a run bundle into the store at {@code <tenant>/<namespace>/<run>.json}. */
  public void putBundle(byte[] bundle) {
    LoadedRun run = LoadedRun.fromBundle(CODEC.decode(bundle));
    Fixtures.write(store.resolve(FileSystemRunStore.relativePath(run.state().key())), bundle);
  }

  public static JsonValue json(byte[] bytes) {
    return CODEC.decode(bytes);
  }

  public static JsonValue json(String text) {
    return CODEC.decode(text.getBytes(StandardCharsets.UTF_8));
  }

  public static ExportRunpackCommand request(Path requestFile, Path outputDir) {
    return ExportRunpackCommand.fromJson(json(Fixtures.read(requestFile)))
        .withOutputDir(outputDir.toString());
  }
}
