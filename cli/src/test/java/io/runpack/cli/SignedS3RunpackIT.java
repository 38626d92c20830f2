package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.localaws.LocalAwsStack;
import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * A signed export to S3 and {@code runpack verify s3://… --public-key}, as processes against the
 * local stack: the signature verifies in place; a manifest changed in S3 still passes plain verify
 * and fails with the key.
 */
class SignedS3RunpackIT {

  @TempDir Path temp;

  @Test
  void signedS3RunpackVerifiesInPlaceAndAChangedManifestFailsWithTheKey() {
    S3Client s3 = LocalAws.s3();
    String table = LocalAws.newTable(LocalAws.dynamoDb(), RunLogTable::create);
    String bucket = LocalAws.newBucket(s3);
    Map<String, String> env = new HashMap<>(AwsCommandsIT.CREDENTIALS);
    env.put("AWS_ENDPOINT_URL_S3", LocalAws.stack().s3Endpoint().toString());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", LocalAws.stack().dynamoDbEndpoint().toString());
    env.put("AWS_REGION", LocalAwsStack.REGION);
    SignedRunpacks.keygen(temp, "key");
    run(env, "import", "--table", table, Fixtures.runBundle(SignedRunpacks.LABEL).toString());

    CliProcess.Result exported =
        run(
            env,
            "export",
            "--request",
            Fixtures.request(SignedRunpacks.LABEL).toString(),
            "--table",
            table,
            "--bucket",
            bucket,
            "--namespace-authority",
            "dg_registry",
            "--signing-key",
            "key.pem");
    String out = exported.out();
    String uri = out.substring(out.indexOf("\"storage_uri\":\"") + 15, out.lastIndexOf('"'));
    String endpoint = LocalAws.stack().s3Endpoint().toString();

    CliProcess.Result valid =
        run(env, "verify", uri, "--endpoint", endpoint, "--public-key", "key.pub.pem");
    assertTrue(valid.out().contains("\"status\":\"valid\""), valid.out());

    String key = uri.substring(("s3://" + bucket + "/").length()) + "manifest.json";
    String manifest = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    s3.putObject(
        r -> r.bucket(bucket).key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256),
        RequestBody.fromString(
            manifest.replace(
                "\"generated_at\":{\"kind\":\"logical\",\"value\":10}",
                "\"generated_at\":{\"kind\":\"logical\",\"value\":11}")));

    CliProcess.Result plain =
        CliProcess.run(temp, env, new byte[0], "verify", uri, "--endpoint", endpoint);
    CliProcess.Result keyed =
        CliProcess.run(
            temp,
            env,
            new byte[0],
            "verify",
            uri,
            "--endpoint",
            endpoint,
            "--public-key",
            "key.pub.pem",
            "--format",
            "text");
    assertEquals(0, plain.exitCode(), plain.out() + plain.stderr());
    assertEquals(1, keyed.exitCode(), keyed.stderr());
    assertTrue(
        keyed.out().contains("  - signature over other bytes: manifest.json.sig signs sha256 "),
        keyed.out());
    assertTrue(keyed.out().endsWith("signature: other_bytes\n"), keyed.out());
  }

  private CliProcess.Result run(Map<String, String> env, String... args) {
    CliProcess.Result result = CliProcess.run(temp, env, new byte[0], args);
    assertEquals(0, result.exitCode(), result.stderr());
    return result;
  }
}
