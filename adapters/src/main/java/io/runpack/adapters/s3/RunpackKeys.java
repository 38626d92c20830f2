package io.runpack.adapters.s3;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.HashDigest;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.RunpackTarget;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a runpack lives in S3 (FORMAT §4): the key prefix {@code
 * [<root>/]tenant/<t>/namespace/<n>/scenario/<scenario_id>/run/<run_id>/spec/sha256/<hex>/}, each
 * segment checked, keys of at most {@link #MAX_KEY_BYTES}, and the {@code s3://} storage URI.
 */
public final class RunpackKeys {

  /**
   * S3's own limit on a key, in UTF-8 bytes, prefix included: a longer key is refused here, before
   * anything is written, rather than by S3 at the manifest's PUT after the artifacts were written.
   */
  public static final int MAX_KEY_BYTES = 1_024;

  private RunpackKeys() {}

  /** The runpack's key prefix, ending with '/'. */
  public static String prefix(Optional<String> rootPrefix, RunpackTarget target) {
    StringBuilder prefix = new StringBuilder();
    rootPrefix.ifPresent(
        root -> {
          for (String segment : root.split("/", -1)) {
            prefix.append(segment(segment, "root prefix")).append('/');
          }
        });
    prefix
        .append("tenant/")
        .append(Long.toUnsignedString(target.tenantId()))
        .append('/')
        .append("namespace/")
        .append(Long.toUnsignedString(target.namespaceId()))
        .append('/')
        .append("scenario/")
        .append(segment(target.scenarioId(), "scenario_id"))
        .append('/')
        .append("run/")
        .append(segment(target.runId(), "run_id"))
        .append('/')
        .append("spec/sha256/")
        .append(segment(target.specHash().value(), "spec hash"))
        .append('/');
    return checkedLength(prefix.toString(), "the runpack's key prefix");
  }

  /** The key of a runpack-relative path under {@code prefix}. */
  public static String key(String prefix, RunpackPath path) {
    return checkedLength(
        prefix + path.value(), "the key of " + RunpackPath.printable(path.value()));
  }

  /**
   * The run a key prefix names, when it ends in the layout {@link #prefix} writes ({@code
   * tenant/<t>/namespace/<n>/scenario/<s>/run/<r>/spec/sha256/<hex>/}, whatever root comes before);
   * empty for any other prefix, which names no run.
   */
  public static Optional<RunpackTarget> runNamedBy(String prefix) {
    String[] s = prefix.split("/", -1);
    int n = s.length - 1; // the prefix ends with '/': the last element is empty
    if (n < 11 || !s[n].isEmpty()) {
      return Optional.empty();
    }
    int at = n - 11;
    boolean layout =
        s[at].equals("tenant")
            && s[at + 2].equals("namespace")
            && s[at + 4].equals("scenario")
            && s[at + 6].equals("run")
            && s[at + 8].equals("spec")
            && s[at + 9].equals(HashDigest.SHA256);
    if (!layout) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new RunpackTarget(
              Long.parseUnsignedLong(s[at + 1]),
              Long.parseUnsignedLong(s[at + 3]),
              s[at + 5],
              s[at + 7],
              HashDigest.sha256(s[at + 10]),
              Optional.empty()));
    } catch (NumberFormatException e) {
      return Optional.empty(); // not a tenant and namespace this layout writes
    }
  }

  public static String storageUri(String bucket, String prefix) {
    return "s3://" + bucket + "/" + prefix;
  }

  private static String segment(String value, String what) {
    String problem = RunpackPath.keySegmentProblem(value);
    if (problem != null) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "S3 key segment "
              + what
              + " \""
              + RunpackPath.printable(value)
              + "\" is invalid: "
              + problem);
    }
    return value;
  }

  private static String checkedLength(String key, String what) {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          what + " is " + bytes + " bytes long, over S3's limit of " + MAX_KEY_BYTES + " bytes");
    }
    return key;
  }
}
