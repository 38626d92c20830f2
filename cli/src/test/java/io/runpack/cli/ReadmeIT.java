package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.testsupport.Fixtures;
import io.runpack.testsupport.LocalAws;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The README's commands, run exactly as written with bash, in a working copy of this repository
 * (the same files, linked, with an output directory of its own): "Run it" exports and verifies the
 * example run; the local-stack walkthrough starts the stack, imports the example run into DynamoDB,
 * exports it to S3 and verifies it in place, and the runpack in S3 has the bytes of the filesystem
 * export of the same run; the signing commands sign, verify with the public key, and openssl
 * accepts the signature.
 */
class ReadmeIT {

  static final Path REPOSITORY =
      Path.of(System.getProperty("test.repository.dir", "..")).toAbsolutePath().normalize();

  @TempDir Path workingCopy;

  @Test
  void runItCommandsExportAndVerifyTheExampleRun() throws Exception {
    link(workingCopy);
    Shell.Result result = Shell.run(workingCopy, Readme.block("run-it"), 300);

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(
        result.output().contains("runpack PASSED: 8 files checked, 0 errors\n"), result.output());
    assertTrue(Files.isRegularFile(workingCopy.resolve("out/release-2026-11-26/manifest.json")));
  }

  @Test
  void decisionGateCommandsPrintWhatTheReadmeSays() throws Exception {
    link(workingCopy);
    String block = Readme.block("decision-gate");
    Shell.Result result = Shell.run(workingCopy, block, 300);

    assertEquals(0, result.exitCode(), result.output());
    String readme = Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8);
    int printed =
        readme.indexOf("prints\n\n```\n", readme.indexOf(block)) + "prints\n\n```\n".length();
    String output = result.output().replaceFirst("\\Arunpack: building [^\n]*\n", "");
    assertEquals(readme.substring(printed, readme.indexOf("```", printed)), output);
    assertTrue(Files.isRegularFile(workingCopy.resolve("out/dg-pretty/runpack.json")));
  }

  @Test
  void reportCommandWritesThePageOfTheExampleRun() throws Exception {
    link(workingCopy);
    Shell.Result result =
        Shell.run(workingCopy, Readme.block("run-it") + Readme.block("report"), 300);

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(
        result
            .output()
            .contains(
                "runpack PASSED: 8 files checked, 0 errors\nsignature: not checked (no --public-key)\n"),
        result.output()); // verify --format text
    assertTrue(
        result
            .output()
            .endsWith(
                "runpack PASSED: 8 files checked, 0 errors\nsignature: not checked (no --public-key)\n"
                    + "runpack PASSED: 8 files checked, 0 errors\nsignature: not checked (no --public-key)\n"),
        result.output()); // verify --format text, then report
    String page =
        Files.readString(
            workingCopy.resolve("out/release-2026-11-26.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("<span class=\"status\" id=\"status\">pass</span>"), page);
  }

  @Test
  void signingCommandsSignVerifyAndOpensslAgrees() throws Exception {
    link(workingCopy);
    Shell.Result result = Shell.run(workingCopy, Readme.block("signing"), 300);

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(
        result.output().contains("runpack PASSED: 8 files checked, 0 errors\nsignature: valid\n"),
        result.output());
    assertTrue(result.output().endsWith("Signature Verified Successfully\n"), result.output());
    assertTrue(Files.isRegularFile(workingCopy.resolve("out/signed/manifest.json.sig")));
  }

  @Test
  void localStackWalkthroughExportsFromDynamoDbToS3AndVerifiesInPlace() throws Exception {
    List<String> lines = Readme.commands(Readme.block("walkthrough"));
    assertEquals(5, lines.size(), "a five-line walkthrough: " + lines);
    Assumptions.assumeTrue(
        free(9090) && free(8000), "ports 9090 and 8000 are taken (a local stack running?)");
    link(workingCopy);
    Path stackLog = workingCopy.resolve("out/local-stack.log");
    Files.createDirectories(stackLog.getParent());
    Process stack = Shell.start(workingCopy, lines.get(0), stackLog);
    try {
      String environment = Shell.awaitLine(stack, stackLog, "export AWS_ENDPOINT_URL_S3=", 300);
      assertEquals(
          lines.get(1), environment, "the walkthrough's environment is what the stack prints");

      Shell.Result result = Shell.run(workingCopy, String.join("\n", lines.subList(1, 5)), 300);

      assertEquals(0, result.exitCode(), result.output());
      assertTrue(result.output().contains("\"records\":"), result.output());
      assertTrue(
          result.output().contains("\"storage_uri\":\"s3://runpacks/tenant/1/"), result.output());
      assertTrue(
          result
              .output()
              .endsWith(
                  "runpack PASSED: 8 files checked, 0 errors\nsignature: not checked (no --public-key)\n"),
          result.output());
      assertEquals(filesystemExport(), s3Objects(lines.get(4)));
    } finally {
      Shell.stop(stack);
    }
  }

  /** The same request exported from the filesystem run store, as the CLI writes it. */
  private Map<String, String> filesystemExport() throws Exception {
    Shell.Result result =
        Shell.run(
            workingCopy,
            "./runpack export --request examples/requests/release-2026-11-26.json"
                + " --runs examples/runs --output-dir out/filesystem",
            120);
    assertEquals(0, result.exitCode(), result.output());
    Map<String, String> files = new TreeMap<>();
    Fixtures.readTree(workingCopy.resolve("out/filesystem"))
        .forEach((path, bytes) -> files.put(path, new String(bytes, StandardCharsets.UTF_8)));
    return files;
  }

  /** Every object under the prefix the walkthrough verifies, read with the SDK. */
  private static Map<String, String> s3Objects(String verifyLine) {
    String uri = verifyLine.split(" ")[2];
    String bucket = uri.substring("s3://".length(), uri.indexOf('/', "s3://".length()));
    String prefix = uri.substring(uri.indexOf('/', "s3://".length()) + 1);
    Map<String, String> objects = new TreeMap<>();
    try (S3Client s3 = LocalAws.s3(java.net.URI.create("http://127.0.0.1:9090"), List.of(), 1)) {
      for (S3Object object :
          s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
        objects.put(
            object.key().substring(prefix.length()),
            s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asUtf8String());
      }
    }
    return objects;
  }

  /** A working copy: every top-level entry of the repository linked, but its own out/. */
  private static void link(Path workingCopy) throws IOException {
    try (Stream<Path> entries = Files.list(REPOSITORY)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        String name = entry.getFileName().toString();
        if (!name.equals("out")) {
          Files.createSymbolicLink(workingCopy.resolve(name), entry);
        }
      }
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return socket.isBound();
    } catch (IOException taken) {
      return false;
    }
  }

  /** README.md's marked shell blocks. */
  static final class Readme {
    private Readme() {}

    /** The sh block after {@code <!-- readme-test: name -->}. */
    static String block(String name) throws IOException {
      String readme = Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8);
      int marker = readme.indexOf("<!-- readme-test: " + name + " -->");
      assertTrue(marker >= 0, "README.md marks its " + name + " block");
      int start = readme.indexOf("```sh\n", marker) + "```sh\n".length();
      return readme.substring(start, readme.indexOf("```", start));
    }

    /** A block's commands: its lines without comments or blank lines. */
    static List<String> commands(String block) {
      return block
          .lines()
          .map(line -> line.replaceAll("\\s+#.*$", "").strip())
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    }
  }

  /** bash, as a user runs it. */
  static final class Shell {
    record Result(int exitCode, String output) {}

    private Shell() {}

    static Result run(Path dir, String script, int timeoutSeconds)
        throws IOException, InterruptedException {
      Path log = Files.createTempFile("readme", ".log");
      Process process = start(dir, script, log);
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        stop(process);
        throw new AssertionError("timed out:\n" + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static Process start(Path dir, String script, Path log) throws IOException {
      return new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
          .directory(dir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    }

    /** The first line of {@code log} that starts with {@code start}, once it is there. */
    static String awaitLine(Process process, Path log, String start, int timeoutSeconds)
        throws IOException, InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
      while (System.nanoTime() < deadline) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          if (line.startsWith(start)) {
            return line;
          }
        }
        if (!process.isAlive()) {
          throw new AssertionError(
              "exited with " + process.exitValue() + ":\n" + Files.readString(log));
        }
        Thread.sleep(250);
      }
      throw new AssertionError("no line starting " + start + ":\n" + Files.readString(log));
    }

    static void stop(Process process) throws InterruptedException {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }
}
