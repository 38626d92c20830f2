package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.testsupport.LocalAws;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code verify s3://…} and {@code report s3://…} of a runpack whose prefix is in the export's
 * layout (tenant, namespace, scenario, run, spec hash): a runpack copied, whole and intact, under
 * another run's prefix fails there, naming both runs — it would otherwise pass as that run's; a
 * runpack under a prefix that names no run (an archive) is verified as a directory is.
 */
class VerifyS3PlacementIT {

  static final String SPEC = "6106d36f19bd6ba694b16274c73ea35a39bb0f83561466c35340b9d18ca08861";

  @TempDir Path temp;
  S3Client s3 = LocalAws.s3();
  String bucket;
  String endpoint;
  String prefix;

  @BeforeEach
  void exportTheExampleRun() {
    bucket = LocalAws.newBucket(s3);
    endpoint = LocalAws.stack().s3Endpoint().toString();
    Map<String, String> env = new HashMap<>(AwsCommandsIT.CREDENTIALS);
    env.put("AWS_ENDPOINT_URL_S3", endpoint);
    CliProcess.Result exported =
        CliProcess.run(
            temp,
            env,
            new byte[0],
            "export",
            "--request",
            Reports.EXAMPLE_REQUEST.toString(),
            "--runs",
            Reports.EXAMPLES.resolve("runs").toString(),
            "--bucket",
            bucket);
    assertEquals(0, exported.exitCode(), exported.stderr());
    prefix =
        "tenant/1/namespace/1/scenario/release-approval/run/release-2026-11-26/spec/sha256/"
            + SPEC
            + "/";
    assertTrue(exported.out().contains("s3://" + bucket + "/" + prefix), exported.out());
  }

  @Test
  void aRunpackCopiedUnderAnotherRunsPrefixFailsThereNamingBothRuns() {
    String other = prefix.replace("/run/release-2026-11-26/", "/run/release-2026-11-27/");
    copyRunpack(prefix, other);
    String error =
        "runpack location names tenant 1, namespace 1, scenario release-approval, run"
            + " release-2026-11-27, spec sha256:"
            + SPEC
            + ", but its manifest is of tenant 1, namespace 1, scenario release-approval, run"
            + " release-2026-11-26, spec sha256:"
            + SPEC;

    CliProcess.Result original = run("verify", "s3://" + bucket + "/" + prefix);
    CliProcess.Result copied = run("verify", "s3://" + bucket + "/" + other);
    CliProcess.Result report =
        run("report", "s3://" + bucket + "/" + other, "--html", "copied.html");

    assertEquals(0, original.exitCode(), original.out() + original.stderr());
    assertEquals(1, copied.exitCode(), copied.out() + copied.stderr());
    assertEquals(
        "{\"checked_files\":8,\"errors\":[\"" + error + "\"],\"status\":\"fail\"}\n", copied.out());
    assertEquals(1, report.exitCode(), report.out() + report.stderr());
    assertTrue(report.out().contains("  - " + error + "\n"), report.out());
  }

  @Test
  void aRunpackUnderAPrefixThatNamesNoRunIsVerifiedAsADirectoryIs() {
    copyRunpack(prefix, "archive/2026/release/");

    CliProcess.Result archived = run("verify", "s3://" + bucket + "/archive/2026/release/");

    assertEquals(0, archived.exitCode(), archived.out() + archived.stderr());
  }

  private CliProcess.Result run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--endpoint";
    all[args.length + 1] = endpoint;
    return CliProcess.run(temp, AwsCommandsIT.CREDENTIALS, new byte[0], all);
  }

  /** Every object under {@code from}, byte for byte, under {@code to}, with its SHA-256. */
  private void copyRunpack(String from, String to) {
    for (S3Object object : s3.listObjectsV2(b -> b.bucket(bucket).prefix(from)).contents()) {
      byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray();
      String key = to + object.key().substring(from.length());
      s3.putObject(
          b -> b.bucket(bucket).key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256),
          RequestBody.fromBytes(bytes));
    }
  }
}
