package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.JsonArray;
import io.runpack.domain.json.JsonObject;
import io.runpack.domain.json.JsonString;
import io.runpack.domain.json.JsonValue;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.domain.port.out.RunpackReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decision Gate's offline verifier (FORMAT §3), with its exact messages. It collects every error;
 * the status is pass only with none. Every read is bounded by {@link Limits#MAX_ARTIFACT_BYTES}. A
 * pure function of the manifest and the bytes the reader returns.
 */
public final class RunpackVerifier {

  private final JsonDecoder decoder;
  private final AnchorChecker anchors;

  public RunpackVerifier(JsonDecoder decoder) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.anchors = new AnchorChecker(decoder);
  }

  public VerificationReport verify(Manifest manifest, RunpackReader reader) {
    if (!Manifest.VERSION_V1.equals(manifest.manifestVersion())) {
      return unsupportedVersion(manifest.manifestVersion());
    }
    List<String> errors = new ArrayList<>();
    int checkedFiles = checkFileHashes(manifest.integrity().fileHashes(), reader, errors);
    if (!Integrity.rootHashOf(manifest.integrity().fileHashes())
        .value()
        .equals(manifest.integrity().rootHash().value())) {
      errors.add("root hash mismatch");
    }
    checkDecisions(reader, errors);
    manifest
        .anchorPolicy()
        .filter(policy -> policy.hasProviders())
        .ifPresent(policy -> anchors.check(policy, reader, errors));
    return new VerificationReport(checkedFiles, errors);
  }

  /** §3.1: an unknown version stops verification at once. */
  public static VerificationReport unsupportedVersion(String version) {
    return new VerificationReport(0, List.of("unsupported manifest version: " + version));
  }

  /** §3.2: each listed file read (bounded) and hashed; successful reads are counted. */
  private static int checkFileHashes(
      List<FileHash> fileHashes, RunpackReader reader, List<String> errors) {
    int checked = 0;
    for (FileHash entry : fileHashes) {
      HashDigest actual;
      try {
        actual = reader.sha256(entry.path(), Limits.MAX_ARTIFACT_BYTES);
      } catch (RunpackException e) {
        errors.add("artifact read failed for " + entry.path() + ": " + e.getMessage());
        continue;
      }
      checked++;
      if (!actual.value().equals(entry.hash().value())) {
        errors.add("hash mismatch for " + entry.path());
      }
    }
    return checked;
  }

  /** §3.4: the decision log must parse and hold at most one decision per trigger. */
  private void checkDecisions(RunpackReader reader, List<String> errors) {
    Optional<JsonValue> log =
        readJson(decoder, reader, RunLog.DECISIONS.path(), "decision log", errors);
    if (log.isEmpty()) {
      return;
    }
    JsonArray decisions;
    try {
      decisions = decisionArray(log.get());
    } catch (RunpackException e) {
      errors.add("invalid decision log: " + e.getMessage());
      return;
    }
    Set<String> seen = new HashSet<>();
    for (JsonValue decision : decisions.elements()) {
      String triggerId = ((JsonString) ((JsonObject) decision).members().get("trigger_id")).value();
      if (!seen.add(triggerId)) {
        errors.add("duplicate decision for trigger " + triggerId);
        return;
      }
    }
  }

  /**
   * Reads and parses a JSON file the verifier needs whole, reporting failures as Decision Gate does
   * for the decision log: {@code <what> read failed: <reason>}, {@code invalid <what>: <reason>}.
   */
  static Optional<JsonValue> readJson(
      JsonDecoder decoder, RunpackReader reader, String path, String what, List<String> errors) {
    byte[] bytes;
    try {
      bytes = reader.read(path, Limits.MAX_ARTIFACT_BYTES);
    } catch (RunpackException e) {
      errors.add(what + " read failed: " + e.getMessage());
      return Optional.empty();
    }
    try {
      return Optional.of(decoder.decode(bytes));
    } catch (RunpackException e) {
      errors.add("invalid " + what + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The decision log as an array of records that each carry a string {@code trigger_id}. */
  private static JsonArray decisionArray(JsonValue log) {
    if (!(log instanceof JsonArray array)) {
      throw new RunpackException(
          ErrorCode.INVALID_JSON, "expected an array of decision records, not " + log.typeName());
    }
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject record)
          || !(record.members().get("trigger_id") instanceof JsonString)) {
        throw new RunpackException(
            ErrorCode.INVALID_JSON, "decision record " + i + " has no string trigger_id");
      }
    }
    return array;
  }
}
