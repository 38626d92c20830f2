package io.runpack.benchmarks;

import io.runpack.adapters.dynamodb.DynamoDbRunImporter;
import io.runpack.adapters.dynamodb.RunLogTable;
import io.runpack.localaws.PackagedFunction;
import io.runpack.testsupport.LocalAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Records the function's SnapStart class list ({@code META-INF/quarkus-preload-classes.txt}, read
 * by Quarkus at startup and so before the snapshot): the packaged function runs in a new JVM with
 * the deployed flags and {@code -Xlog:class+load}, does one real export of a 1,000-record run
 * (DynamoDB → S3 on the local stack, verification included), and every class it loaded from a jar
 * of its {@code lib/} directory is listed, sorted. The function's own classes and the ones Quarkus
 * generates are not: Quarkus lists those itself ({@code generate-application-class-list}); nor are
 * the JDK's and hidden classes (lambdas, proxies), which cannot be named. Arguments: function.zip,
 * the runtime client's jar directory, the file to write.
 */
public final class PreloadClassList {

  /** {@code [<uptime>][info][class,load] <name> source: <where>}, the JDK's unified log line. */
  private static final Pattern LOADED =
      Pattern.compile("\\[class,load\\s*\\] (\\S+) source: (.+)$");

  /** The lists Quarkus preloads at startup (ours, and its own of the application's classes). */
  static final List<String> PRELOAD_LISTS =
      List.of(
          "META-INF/quarkus-preload-classes.txt", "META-INF/quarkus-generated-preload-classes.txt");

  private PreloadClassList() {}

  public static void main(String[] args) throws Exception {
    Path zip = Path.of(args[0]).toAbsolutePath();
    Path ric = Path.of(args[1]).toAbsolutePath();
    Path out = Path.of(args[2]);
    DynamoDbClient dynamoDb = LocalAws.dynamoDb();
    String table = LocalAws.newTable(dynamoDb, RunLogTable::create);
    new DynamoDbRunImporter(dynamoDb, table).importRun(BenchmarkRuns.named(ColdStartProbe.RUN));
    Path task = PackagedFunction.unpack(zip, Files.createTempDirectory("runpack-task"));
    withoutPreloading(task);
    Path classLog = Files.createTempFile("class-load", ".log");
    Path log = Files.createTempFile("preload-list", ".log");
    List<String> flags = new ArrayList<>(EndToEndProbe.FUNCTION_FLAGS);
    flags.add("-Xlog:class+load=info:file=" + classLog);
    try (FunctionProcess function =
        FunctionProcess.start(
            task,
            ric,
            flags,
            PackagedFunction.runpackEnvironment(
                LocalAws.stack(), table, LocalAws.newBucket(LocalAws.s3())),
            log)) {
      function.invoke(ColdStartProbe.request());
    }
    List<String> classes = fromLib(Files.readAllLines(classLog), task.resolve("lib"));
    if (classes.isEmpty()) {
      throw new IllegalStateException("no class was loaded from " + task.resolve("lib"));
    }
    List<String> lines = new ArrayList<>();
    lines.add("# Recorded by io.runpack.benchmarks.PreloadClassList (docs/BENCHMARKS.md §3): the");
    lines.add("# classes one real export loads from the function's dependencies. Do not edit.");
    lines.addAll(classes);
    Files.write(out, lines, StandardCharsets.UTF_8);
    System.out.printf(
        Locale.ROOT, "{\"classes\":%d,\"file\":\"%s\"}%n", classes.size(), out.toAbsolutePath());
    System.exit(0);
  }

  /**
   * Removes the package's own preload lists from the unpacked task, so that the export is recorded
   * loading what it needs and nothing because an earlier list named it: a class the export stopped
   * loading then leaves the list at the next recording.
   */
  static void withoutPreloading(Path task) throws IOException {
    for (String list : PRELOAD_LISTS) {
      Files.deleteIfExists(task.resolve(list));
    }
  }

  /** The named classes of {@code log} whose source is a jar under {@code lib}, sorted. */
  static List<String> fromLib(List<String> log, Path lib) {
    String prefix = lib.toUri().toString(); // file:/…/lib/
    String plain = lib.toAbsolutePath() + "/";
    TreeSet<String> classes = new TreeSet<>();
    for (String line : log) {
      Matcher matcher = LOADED.matcher(line);
      if (!matcher.find()) {
        continue;
      }
      String name = matcher.group(1);
      String source = matcher.group(2);
      boolean fromLib =
          source.startsWith(prefix)
              || source.startsWith("jar:" + prefix)
              || source.startsWith(plain)
              || source.startsWith("file:" + plain);
      if (fromLib && !name.contains("/") && !name.contains("$$Lambda")) {
        classes.add(name);
      }
    }
    return new ArrayList<>(classes);
  }
}
