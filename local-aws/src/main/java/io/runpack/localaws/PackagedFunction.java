package io.runpack.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Java Lambda deployment package run as Lambda runs it: unpacked into a task directory, started
 * by the AWS runtime interface client in a JVM of its own, talking to a {@link LocalLambdaRuntime}
 * and to the local AWS stack. Used to measure and test the packaged function's cold start.
 */
public final class PackagedFunction {

  /** The runtime interface client's entry point. */
  public static final String RUNTIME_CLIENT =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  private PackagedFunction() {}

  /** Unpacks {@code zip} into {@code into}, refusing entries that would land outside it. */
  public static Path unpack(Path zip, Path into) throws IOException {
    try (InputStream file = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("zip entry outside the task directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
    return into;
  }

  /** The classpath Lambda's Java runtime gives a task: its root, its lib/ jars, and the client. */
  public static String classpath(Path task, Path runtimeClientDir) {
    return task + ":" + task.resolve("lib") + "/*:" + runtimeClientDir + "/*";
  }

  /**
   * Starts {@code handler} on {@code classpath} with {@code jvmFlags}, polling {@code runtime};
   * {@code environment} adds to what Lambda sets (runtime API, task root, handler, region and
   * credentials for the local stack). Output goes to {@code log}.
   */
  public static Process start(
      List<String> jvmFlags,
      String classpath,
      String handler,
      Path task,
      LocalLambdaRuntime runtime,
      Map<String, String> environment,
      Path log)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.addAll(List.of("-cp", classpath, RUNTIME_CLIENT, handler));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(task.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_LAMBDA_RUNTIME_API", runtime.address());
    env.put("LAMBDA_TASK_ROOT", task.toString());
    env.put("_HANDLER", handler);
    env.put("AWS_REGION", LocalAwsStack.REGION);
    env.put("AWS_ACCESS_KEY_ID", "local");
    env.put("AWS_SECRET_ACCESS_KEY", "local");
    env.putAll(environment);
    builder.environment().putAll(env);
    return builder.start();
  }

  /**
   * The Runpack function's settings for the local stack: its table and bucket, a namespace
   * authority, and the SDK clients pointed at the stack's endpoints.
   */
  public static Map<String, String> runpackEnvironment(
      LocalAwsStack stack, String table, String bucket) {
    return Map.of(
        "RUNPACK_TABLE",
        table,
        "RUNPACK_BUCKET",
        bucket,
        "RUNPACK_SECURITY_NAMESPACE_AUTHORITY",
        "dg_registry",
        "QUARKUS_S3_ENDPOINT_OVERRIDE",
        stack.s3Endpoint().toString(),
        "QUARKUS_S3_PATH_STYLE_ACCESS",
        "true",
        "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE",
        stack.dynamoDbEndpoint().toString());
  }

  /** Stops a started function. */
  public static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
