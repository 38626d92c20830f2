package io.runpack.cli.report;

import io.runpack.domain.model.ArtifactRecord;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.SignatureStatus;
import io.runpack.domain.model.VerificationKey;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.SignedVerification;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.domain.service.SignatureChecker;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.domain.service.VerifySignedRunpackService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a report page shows of one runpack, from one verification: the verifier's verdict (exactly
 * {@code runpack verify}'s, with the same public key if any), the signature's status, the manifest
 * when it is a v1 manifest, a row per file and the logs' summaries, all from the bytes that
 * verification read. Failures of the verification itself (no readable manifest, storage) are the
 * verifier's typed errors.
 *
 * @param signature the manifest's detached signature as the key (if given) finds it; without a key,
 *     what is there, unchecked
 * @param keyGiven whether a trusted public key checked the signature (then a signature that is not
 *     valid is one of the verification's errors)
 * @param files one row per distinct path, at most {@link Limits#MAX_REPORT_FILES}
 * @param filesOmitted distinct paths beyond that limit, counted
 */
public record RunpackReport(
    String location,
    String manifestName,
    VerificationReport verification,
    SignatureStatus signature,
    boolean keyGiven,
    Optional<Manifest> manifest,
    List<FileRow> files,
    long filesOmitted,
    List<LogSummary> logs) {

  /**
   * One file of the runpack: its kind from the manifest's artifact list ({@code ""} when not listed
   * there), its size when read (-1 if not), the SHA-256 the integrity list expects ({@code ""} when
   * not listed there) and the result of its check.
   */
  public record FileRow(
      String path, String kind, long bytes, String expected, Check check, String note) {}

  /** The result of one file's check. */
  public enum Check {
    OK("ok"),
    HASH_MISMATCH("hash mismatch"),
    READ_FAILED("read failed"),
    NOT_IN_INTEGRITY_LIST("not in integrity list"),
    NOT_READ("not read");

    private final String text;

    Check(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public RunpackReport {
    files = List.copyOf(files);
    logs = List.copyOf(logs);
  }

  /**
   * Makes {@code verification}, and with {@code key} checks the manifest's signature, as {@code
   * runpack verify} does, and gathers what its page shows.
   */
  public static RunpackReport of(
      String location,
      VerifyRunpackCommand verification,
      JsonDecoder decoder,
      Optional<VerificationKey> key) {
    RunpackPath manifestName = verification.manifestName();
    RecordingReader recorder =
        new RecordingReader(verification.source(), manifestName.value(), decoder);
    VerifyRunpackCommand command = verification.readingFrom(recorder);
    VerificationReport report;
    SignatureStatus signature;
    if (key.isPresent()) {
      SignedVerification signed = new VerifySignedRunpackService(decoder).verify(command, key);
      report = signed.report();
      signature = signed.signature();
    } else {
      report = new VerifyRunpackService(decoder).verify(command);
      signature = new SignatureChecker(decoder).status(recorder, manifestName, key);
    }
    Optional<Manifest> manifest =
        RecordingReader.manifest(recorder.manifestBytes().orElse(null), decoder);
    Map<String, FileRow> rows = new LinkedHashMap<>();
    long omitted = 0;
    if (manifest.isPresent()) {
      Map<String, String> kinds = new LinkedHashMap<>();
      for (ArtifactRecord artifact : manifest.get().artifacts()) {
        kinds.putIfAbsent(artifact.path(), artifact.kind().wireName());
      }
      for (FileHash entry : manifest.get().integrity().fileHashes()) {
        if (rows.containsKey(entry.path())) {
          continue;
        }
        if (rows.size() >= Limits.MAX_REPORT_FILES) {
          omitted++;
          continue;
        }
        rows.put(entry.path(), row(entry, kinds.getOrDefault(entry.path(), ""), recorder));
      }
      for (Map.Entry<String, String> artifact : kinds.entrySet()) {
        if (!rows.containsKey(artifact.getKey()) && rows.size() < Limits.MAX_REPORT_FILES) {
          rows.put(
              artifact.getKey(),
              new FileRow(
                  artifact.getKey(),
                  artifact.getValue(),
                  -1,
                  "",
                  Check.NOT_IN_INTEGRITY_LIST,
                  "listed as an artifact only: not verified"));
        }
      }
    }
    return new RunpackReport(
        location,
        manifestName.value(),
        report,
        signature,
        key.isPresent(),
        manifest,
        new ArrayList<>(rows.values()),
        omitted,
        new ArrayList<>(recorder.logs().values()));
  }

  private static FileRow row(FileHash entry, String kind, RecordingReader recorder) {
    String expected = entry.hash().value();
    Optional<RecordingReader.Outcome> outcome = recorder.outcome(entry.path());
    if (outcome.isEmpty()) {
      return new FileRow(entry.path(), kind, -1, expected, Check.NOT_READ, "");
    }
    RecordingReader.Outcome read = outcome.get();
    if (read.failure() != null) {
      return new FileRow(entry.path(), kind, -1, expected, Check.READ_FAILED, read.failure());
    }
    boolean matches = read.hash().value().equals(expected);
    return new FileRow(
        entry.path(),
        kind,
        read.bytes(),
        expected,
        matches ? Check.OK : Check.HASH_MISMATCH,
        matches ? "" : "actual SHA-256 " + read.hash().value());
  }
}
