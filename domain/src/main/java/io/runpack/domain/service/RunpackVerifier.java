package io.runpack.domain.service;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.RunLog;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.out.RunpackReader;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decision Gate's offline verifier (FORMAT §3), with its exact messages, in their order. It
 * collects every error; the status is pass only with none. A pure function of the manifest and the
 * bytes the reader returns.
 *
 * <p>Bounded by its input: every read is bounded by {@link Limits#MAX_ARTIFACT_BYTES}; each
 * distinct path is read and hashed once ({@link RunpackFiles}); the logs it inspects are read as
 * streams, never as trees ({@link DecisionLogCheck}, {@link AnchorChecker}); the report lists a
 * bounded amount of error text ({@link ReportErrors}). Time is linear in the bytes of the runpack
 * and its manifest, memory proportional to them.
 */
public final class RunpackVerifier {

  public VerificationReport verify(Manifest manifest, RunpackReader reader) {
    if (!Manifest.VERSION_V1.equals(manifest.manifestVersion())) {
      return unsupportedVersion(manifest.manifestVersion());
    }
    Optional<AnchorPolicy> anchors = manifest.anchorPolicy().filter(AnchorPolicy::hasProviders);
    RunpackFiles files =
        new RunpackFiles(
            reader,
            anchors.isPresent()
                ? Set.of(
                    RunLog.DECISIONS.path(), RunLog.SCENARIO_SPEC_PATH, RunLog.GATE_EVALS.path())
                : Set.of(RunLog.DECISIONS.path()));
    ReportErrors errors = new ReportErrors();
    int checkedFiles = checkFileHashes(manifest.integrity().fileHashes(), files, errors);
    if (!rootHashMatches(manifest.integrity())) {
      errors.add("root hash mismatch");
    }
    RunpackFiles.Content decisions = files.content(RunLog.DECISIONS.path());
    if (decisions.failure() != null) {
      errors.add("decision log read failed: " + decisions.failure());
    } else {
      DecisionLogCheck.check(decisions.bytes(), errors);
    }
    files.release(RunLog.DECISIONS.path());
    anchors.ifPresent(policy -> AnchorChecker.check(policy, files, errors));
    return errors.report(checkedFiles);
  }

  /** §3.1: an unknown version stops verification at once. */
  public static VerificationReport unsupportedVersion(String version) {
    return new VerificationReport(0, List.of("unsupported manifest version: " + version));
  }

  /** §3.2: each listed file read (bounded) and hashed; successful reads are counted. */
  private static int checkFileHashes(
      List<FileHash> fileHashes, RunpackFiles files, ReportErrors errors) {
    int checked = 0;
    for (FileHash entry : fileHashes) {
      RunpackFiles.Digest actual = files.sha256(entry.path());
      if (actual.failure() != null) {
        errors.add("artifact read failed for " + entry.path() + ": " + actual.failure());
        continue;
      }
      checked++;
      if (!actual.hash().value().equals(entry.hash().value())) {
        errors.add("hash mismatch for " + entry.path());
      }
    }
    return checked;
  }

  /**
   * §3.3. Entries that have no canonical form (a path with a lone surrogate) cannot be what any
   * root hash was computed over: a mismatch.
   */
  private static boolean rootHashMatches(Integrity integrity) {
    try {
      return Integrity.rootHashOf(integrity.fileHashes())
          .value()
          .equals(integrity.rootHash().value());
    } catch (RunpackException e) {
      return false;
    }
  }
}
