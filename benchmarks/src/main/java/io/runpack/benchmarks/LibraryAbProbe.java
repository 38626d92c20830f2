package io.runpack.benchmarks;

import static io.runpack.benchmarks.TimedBatches.column;
import static io.runpack.benchmarks.TimedBatches.median;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of the canonical JSON library measured against each other in one JVM, for a question
 * of a few percent that separate runs cannot settle: the JIT compiles the same code differently
 * from one JVM to the next and by the order in which it meets the logs, by ±5–10% at one record
 * (docs/BENCHMARKS.md, "One record again"). Each build's {@code io.runpack.json.Canonicalizer} is
 * loaded by a class loader of its own (whose parent is the platform's, so neither is this jar's
 * copy) and canonicalizes the same log documents ({@link CoreLog}, {@link ExportCoreBenchmark}'s
 * seed), in the same order, in batches of about 100 ms that take turns within each round, first one
 * build then the other, timed by the wall clock ({@link TimedBatches#wallClock}: the process's CPU
 * clock ticks every 10 ms, which would hide the few percent asked about). The builds must write the
 * same bytes for each document: the probe refuses to compare them otherwise.
 *
 * <p>Prints one JSON line per log: the median time of an operation on each side and the median of
 * the per-round ratio {@code a_vs_b} (A's time ÷ B's: above 1, B took less), with its lowest and
 * highest round. Arguments: A's jar, B's jar (or class directories), then rounds (default 21),
 * batch milliseconds (default 100), document bytes (default 1024), logs, comma-separated, in the
 * order to meet them (default all) and JVMs ({@link #forked}, default 1: this one). For example,
 * main against a change: {@code ./mvnw -q package -DskipTests -pl canonical-json}, copy {@code
 * canonical-json/target/canonical-json-*.jar} aside, switch to the change and build again, then
 * {@code java -cp benchmarks/target/benchmarks.jar io.runpack.benchmarks.LibraryAbProbe main.jar
 * canonical-json/target/canonical-json-0.1.0-SNAPSHOT.jar 21 100 1024 GATE_EVALS,TRIGGERS 5}.
 */
public final class LibraryAbProbe {

  private static final MethodType CANONICALIZE =
      MethodType.methodType(byte[].class, byte[].class, int.class);

  /** The output limit each call is given: far above any document measured. */
  private static final int MAX_BYTES = 1 << 30;

  private final TimedBatches batches = TimedBatches.wallClock();
  private final MethodHandle a;
  private final MethodHandle b;

  private LibraryAbProbe(MethodHandle a, MethodHandle b) {
    this.a = a;
    this.b = b;
  }

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println(
          "usage: LibraryAbProbe A.jar B.jar [rounds] [batch-ms] [bytes] [LOG,LOG,...] [forks]");
      System.exit(2);
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 21;
    long batchNanos = (args.length > 3 ? Long.parseLong(args[3]) : 100) * 1_000_000L;
    int bytes = args.length > 4 ? Integer.parseInt(args[4]) : 1024;
    List<CoreLog> logs =
        args.length > 5
            ? Arrays.stream(args[5].split(",")).map(CoreLog::valueOf).toList()
            : List.of(CoreLog.values());
    int forks = args.length > 6 ? Integer.parseInt(args[6]) : 1;
    Path a = Path.of(args[0]);
    Path b = Path.of(args[1]);
    if (forks > 1) {
      forked(a, b, rounds, batchNanos, bytes, logs, forks, System.out);
    } else {
      run(a, b, rounds, batchNanos, bytes, logs, System.out);
    }
  }

  /**
   * {@link #run} in {@code forks} JVMs of their own, one after the other, with this one's heap and
   * {@code -XX} options ({@link #forwarded}): within one JVM the two builds' ratio is steady from
   * round to round, but the JIT compiles each build a little differently in each JVM, so one JVM's
   * ratio can be off by a few percent. Prints one JSON line per log: the medians over the JVMs, and
   * each JVM's ratio in the order they ran ({@code a_vs_b_forks}).
   */
  static void forked(
      Path a,
      Path b,
      int rounds,
      long batchNanos,
      int bytes,
      List<CoreLog> logs,
      int forks,
      PrintStream out)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(LibraryAbProbe::forwarded)
        .forEach(command::add);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            LibraryAbProbe.class.getName(),
            a.toString(),
            b.toString(),
            Integer.toString(rounds),
            Long.toString(batchNanos / 1_000_000L),
            Integer.toString(bytes),
            String.join(",", logs.stream().map(Enum::name).toList())));
    List<List<JsonNode>> byLog = new ArrayList<>();
    logs.forEach(log -> byLog.add(new ArrayList<>()));
    ObjectMapper json = new ObjectMapper();
    for (int fork = 1; fork <= forks; fork++) {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = process.waitFor();
      String[] lines = output.strip().split("\n");
      if (status != 0 || lines.length != logs.size()) {
        throw new IllegalStateException(
            String.format(
                Locale.ROOT,
                "fork %d exited with %d after %d lines, expected %d: %s",
                fork,
                status,
                lines.length,
                logs.size(),
                output));
      }
      for (int i = 0; i < lines.length; i++) {
        byLog.get(i).add(json.readTree(lines[i]));
      }
    }
    for (List<JsonNode> runs : byLog) {
      double[] ratios = runs.stream().mapToDouble(r -> r.get("a_vs_b").asDouble()).toArray();
      out.println(
          String.format(
              Locale.ROOT,
              "{\"log\":\"%s\",\"bytes\":%d,\"forks\":%d,\"rounds\":%d,\"a_us\":%.3f,"
                  + "\"b_us\":%.3f,\"a_vs_b\":%.3f,\"a_vs_b_forks\":%s}",
              runs.get(0).get("log").asText(),
              bytes,
              forks,
              rounds,
              median(column(runs, r -> r.get("a_us").asDouble())),
              median(column(runs, r -> r.get("b_us").asDouble())),
              median(column(runs, r -> r.get("a_vs_b").asDouble())),
              Arrays.toString(ratios).replace(" ", "")));
    }
  }

  /**
   * True for an option of this JVM that a fork takes too: the heap's and {@code -XX} options, but
   * not those that print or record ({@code Print}, {@code Log}, {@code FlightRecord}: their output
   * would mix with the fork's or overwrite this JVM's files). Agents, debuggers and {@code -Xlog}
   * stay here: a second debugger could not take the same port.
   */
  static boolean forwarded(String option) {
    if (option.startsWith("-Xms") || option.startsWith("-Xmx") || option.startsWith("-Xss")) {
      return true;
    }
    return option.startsWith("-XX:")
        && !option.contains("Print")
        && !option.contains("Log")
        && !option.contains("FlightRecord");
  }

  /** Measures build {@code a} against build {@code b} on each log in turn, printing to out. */
  static void run(
      Path a, Path b, int rounds, long batchNanos, int bytes, List<CoreLog> logs, PrintStream out)
      throws Throwable {
    LibraryAbProbe probe = new LibraryAbProbe(canonicalizer(a), canonicalizer(b));
    for (CoreLog log : logs) {
      out.println(probe.measure(log, bytes, rounds, batchNanos));
    }
    if (probe.batches.sink() == 42) {
      out.println(); // keeps the results alive
    }
  }

  /** A new {@code Canonicalizer}'s {@code canonicalize(byte[], int)}, loaded from {@code build}. */
  private static MethodHandle canonicalizer(Path build) throws ReflectiveOperationException {
    if (!Files.exists(build)) {
      throw new IllegalArgumentException("no such build of the library: " + build);
    }
    URL url;
    try {
      url = build.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a path to a build: " + build, e);
    }
    ClassLoader loader = new URLClassLoader(new URL[] {url}, ClassLoader.getPlatformClassLoader());
    Class<?> type = loader.loadClass("io.runpack.json.Canonicalizer");
    Object instance = type.getConstructor().newInstance();
    return MethodHandles.publicLookup()
        .findVirtual(type, "canonicalize", CANONICALIZE)
        .bindTo(instance);
  }

  private String measure(CoreLog log, int bytes, int rounds, long batchNanos) throws Throwable {
    byte[] document = log.document(bytes, ExportCoreBenchmark.SEED);
    if (!Arrays.equals(canonicalize(a, document), canonicalize(b, document))) {
      throw new IllegalStateException(
          "the two builds write different bytes for " + log + " at " + bytes + " bytes");
    }
    TimedBatches.Operation[] operations = {
      () -> canonicalize(a, document)[0], () -> canonicalize(b, document)[0]
    };
    List<double[]> perOp = batches.rounds(operations, rounds, batchNanos);
    double[] versus = column(perOp, r -> r[0] / r[1]);
    return String.format(
        Locale.ROOT,
        "{\"log\":\"%s\",\"bytes\":%d,\"document_bytes\":%d,\"rounds\":%d,"
            + "\"a_us\":%.3f,\"b_us\":%.3f,\"a_vs_b\":%.3f,\"a_vs_b_range\":[%.3f,%.3f]}",
        log,
        bytes,
        document.length,
        rounds,
        median(column(perOp, r -> r[0])) / 1000,
        median(column(perOp, r -> r[1])) / 1000,
        median(versus),
        versus[0],
        versus[versus.length - 1]);
  }

  private static byte[] canonicalize(MethodHandle build, byte[] document) {
    try {
      return (byte[]) build.invokeExact(document, MAX_BYTES);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
