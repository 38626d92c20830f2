package io.runpack.adapters.s3;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.RunpackTarget;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a runpack lives in S3 (FORMAT §4): the key prefix {@code
 * [<root>/]tenant/<t>/namespace/<n>/scenario/<scenario_id>/run/<run_id>/spec/sha256/<hex>/}, each
 * segment checked, keys of at most 4,096 bytes, and the {@code s3://} storage URI.
 */
public final class RunpackKeys {

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
    return checkedLength(prefix.toString());
  }

  /** The key of a runpack-relative path under {@code prefix}. */
  public static String key(String prefix, RunpackPath path) {
    return checkedLength(prefix + path.value());
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

  private static String checkedLength(String key) {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > Limits.MAX_PATH_BYTES) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "S3 key of " + bytes + " bytes is longer than the limit of " + Limits.MAX_PATH_BYTES);
    }
    return key;
  }
}
