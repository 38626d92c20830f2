package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.ArtifactKind;
import io.runpack.domain.model.ArtifactRecord;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.ManifestSignature;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.RunState;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.RunpackTarget;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.port.in.ExportRunpackUseCase;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.domain.port.out.LoadRunPort;
import io.runpack.domain.port.out.PublishRunpackPort;
import io.runpack.domain.port.out.PublishRunpackPort.StoredSignatureCheck;
import io.runpack.domain.port.out.SignManifestPort;
import io.runpack.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The export use case (FORMAT §2). The whole runpack (artifacts, report, manifest) is built and
 * checked in memory first, limits included, and only then handed to storage, which writes the
 * manifest last: a failed export writes nothing, and a visible manifest means a complete runpack.
 *
 * <p>With {@code include_verification}, Decision Gate writes the runpack, verifies it, writes the
 * report and rewrites the manifest. The verifier is a pure function of the bytes, so verifying the
 * same bytes before writing gives the same report (counting the seven files, not the report) and
 * the same final files, with one manifest write instead of two.
 *
 * <p>With a signer, the manifest's exact bytes are signed and the detached signature ({@code
 * <manifest_name>.sig}, not listed in the manifest) is handed to storage with the artifacts, so it
 * is written before the manifest: a signing failure writes nothing, and a visible manifest has its
 * signature beside it. Write-once storage that already holds another signature of this manifest by
 * the same key (an earlier attempt's, which failed before its manifest was written) keeps it, and
 * the export goes on: {@link ManifestSigning#storedSignatureCheck} says which.
 */
public final class ExportRunpackService implements ExportRunpackUseCase {

  private final LoadRunPort runs;
  private final PublishRunpackPort storage;
  private final RunpackVerifier verifier;
  private final JsonDecoder decoder;
  private final ExportSettings settings;
  private final Optional<SignManifestPort> signer;

  public ExportRunpackService(
      LoadRunPort runs, PublishRunpackPort storage, JsonDecoder decoder, ExportSettings settings) {
    this(runs, storage, decoder, settings, Optional.empty());
  }

  /** An export that signs every manifest with {@code signer}, when there is one. */
  public ExportRunpackService(
      LoadRunPort runs,
      PublishRunpackPort storage,
      JsonDecoder decoder,
      ExportSettings settings,
      Optional<SignManifestPort> signer) {
    this.runs = Objects.requireNonNull(runs, "runs");
    this.storage = Objects.requireNonNull(storage, "storage");
    this.verifier = new RunpackVerifier();
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  @Override
  public ExportResult export(ExportRunpackCommand command) {
    if (signer.isPresent()) {
      ManifestSigning.signaturePath(command.manifestName());
    }
    Prepared prepared =
        prepare(command); // the run itself is no longer reachable: its records can go
    List<RunpackFile> files = prepared.files();
    List<ArtifactRecord> records = prepared.records();
    Manifest manifest = prepared.manifest();

    Optional<VerificationReport> report = Optional.empty();
    if (command.includeVerification()) {
      VerificationReport verdict = verifier.verify(manifest, InMemoryRunpack.of(files));
      add(
          files,
          records,
          ArtifactKind.VERIFIER_REPORT,
          artifact(RunLog.VERIFIER_REPORT_PATH, verdict.toJson()));
      manifest = manifest.withContents(records, integrityOf(files));
      report = Optional.of(verdict);
    }
    RunpackFile manifestFile;
    try {
      manifestFile = canonicalFile(command.manifestName().value(), manifest.toJson());
    } catch (RunpackException e) {
      throw e.withContext(command.manifestName().value());
    }
    StoredSignatureCheck storedSignature = StoredSignatureCheck.SAME_BYTES_ONLY;
    if (signer.isPresent()) {
      ManifestSignature signature =
          ManifestSigning.signature(signer.get(), command.manifestName(), manifestFile.bytes());
      files.add(ManifestSigning.file(command.manifestName(), signature));
      storedSignature =
          ManifestSigning.storedSignatureCheck(
              signer.get(), decoder, manifestFile.bytes(), signature);
    }
    Optional<String> storageUri =
        storage.publish(prepared.target(), List.copyOf(files), manifestFile, storedSignature);
    long bytes = manifestFile.bytes().length;
    for (RunpackFile file : files) {
      bytes += file.bytes().length;
    }
    return new ExportResult(manifest, report, storageUri, bytes);
  }

  /** The artifacts of a run, its manifest so far and where it goes. */
  private record Prepared(
      List<RunpackFile> files,
      List<ArtifactRecord> records,
      Manifest manifest,
      RunpackTarget target) {}

  private Prepared prepare(ExportRunpackCommand command) {
    LoadedRun run = runs.loadRun(command.runKey());
    RunState state = run.state();
    checkRunMatches(command, run);

    RunpackFile spec = artifact(RunLog.SCENARIO_SPEC_PATH, run.spec());
    if (!spec.hash().equals(state.specHash())) {
      throw new RunpackException(
          ErrorCode.SPEC_HASH_MISMATCH,
          "run state spec hash mismatch: the run state records "
              + state.specHash().value()
              + ", the scenario spec hashes to "
              + spec.hash().value());
    }
    List<RunpackFile> files = new ArrayList<>();
    List<ArtifactRecord> records = new ArrayList<>();
    add(files, records, ArtifactKind.SCENARIO_SPEC, spec);
    for (RunLog log : RunLog.values()) {
      add(files, records, log.kind(), artifact(log.path(), state.log(log)));
    }
    Manifest manifest = manifestFor(command, run, spec.hash(), files, records);
    requireNoCollision(command, files);
    RunpackTarget target =
        new RunpackTarget(
            state.tenantId(),
            state.namespaceId(),
            manifest.scenarioId(),
            state.runId(),
            spec.hash(),
            command.outputDir());
    return new Prepared(files, records, manifest, target);
  }

  /** The stored run must be the requested one: same ids, same scenario as request and spec. */
  private static void checkRunMatches(ExportRunpackCommand command, LoadedRun run) {
    RunState state = run.state();
    if (!state.key().equals(command.runKey())) {
      throw new RunpackException(
          ErrorCode.INVALID_RUN_DATA,
          "stored run state is " + state.key() + ", but " + command.runKey() + " was requested");
    }
    if (!state.scenarioId().equals(command.scenarioId())) {
      throw new RunpackException(
          ErrorCode.RUN_NOT_FOUND,
          "no run "
              + command.runKey()
              + " in scenario "
              + command.scenarioId()
              + " (that run belongs to scenario "
              + state.scenarioId()
              + ")");
    }
    String specScenario = run.specScenarioId();
    if (!specScenario.equals(state.scenarioId())) {
      throw new RunpackException(
          ErrorCode.INVALID_RUN_DATA,
          "scenario spec is for scenario "
              + specScenario
              + ", but the run is in scenario "
              + state.scenarioId());
    }
  }

  private Manifest manifestFor(
      ExportRunpackCommand command,
      LoadedRun run,
      HashDigest specHash,
      List<RunpackFile> files,
      List<ArtifactRecord> records) {
    RunState state = run.state();
    return new Manifest(
        Manifest.VERSION_V1,
        command.generatedAt(),
        state.tenantId(),
        state.namespaceId(),
        run.specScenarioId(),
        state.runId(),
        specHash,
        Manifest.OFFLINE_STRICT,
        settings.anchorPolicy(),
        settings.security(),
        integrityOf(files),
        records);
  }

  /**
   * The manifest must not overwrite an artifact, nor need a directory where a file goes; also not
   * on a case-insensitive file system, where {@code ARTIFACTS/DECISIONS.JSON} is the decision log.
   * Nor may it be named as a signature is ({@code <manifest>.sig}): in a prefix or directory shared
   * with another runpack's manifest, it would replace that manifest's signature.
   */
  private static void requireNoCollision(ExportRunpackCommand command, List<RunpackFile> files) {
    String name = command.manifestName().value();
    String folded = RunpackPath.folded(name);
    if (folded.endsWith(ManifestSignature.SUFFIX)) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "manifest_name "
              + name
              + " ends in "
              + ManifestSignature.SUFFIX
              + ", as a manifest's signature is named: it would take the place of the signature of "
              + name.substring(0, name.length() - ManifestSignature.SUFFIX.length()));
    }
    List<String> paths = new ArrayList<>();
    files.forEach(f -> paths.add(f.path().value()));
    paths.add(RunLog.VERIFIER_REPORT_PATH);
    for (String path : paths) {
      String other = RunpackPath.folded(path);
      if (folded.equals(other)
          || folded.startsWith(other + "/")
          || other.startsWith(folded + "/")) {
        throw new RunpackException(
            ErrorCode.INVALID_REQUEST, "manifest_name " + name + " collides with artifact " + path);
      }
    }
  }

  private static Integrity integrityOf(List<RunpackFile> files) {
    List<FileHash> hashes = new ArrayList<>(files.size());
    files.forEach(f -> hashes.add(new FileHash(f.path().value(), f.hash())));
    return Integrity.over(hashes);
  }

  private static void add(
      List<RunpackFile> files, List<ArtifactRecord> records, ArtifactKind kind, RunpackFile file) {
    files.add(file);
    records.add(ArtifactRecord.exported(kind, file.path().value(), file.hash()));
  }

  /** An artifact's canonical bytes; run data that cannot be canonical is invalid run data. */
  private static RunpackFile artifact(String path, JsonValue value) {
    try {
      return canonicalFile(path, value);
    } catch (RunpackException e) {
      throw e.asRunData(path);
    }
  }

  /** Canonical bytes of at most 16 MiB (FORMAT §2, "Limits"), with their SHA-256. */
  private static RunpackFile canonicalFile(String path, JsonValue value) {
    return RunpackFile.of(path, RunpackJson.toBytes(value, Limits.MAX_ARTIFACT_BYTES));
  }
}
