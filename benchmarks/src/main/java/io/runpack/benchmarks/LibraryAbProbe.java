package io.runpack.benchmarks;

import static io.runpack.benchmarks.CpuBatches.column;
import static io.runpack.benchmarks.CpuBatches.median;

import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
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
 * seed), in the same order, in batches that take turns within each round, first one build then the
 * other, timed as {@link CoreRatioProbe} times them ({@link CpuBatches}). The builds must write the
 * same bytes for each document: the probe refuses to compare them otherwise.
 *
 * <p>Prints one JSON line per log: the median time of an operation on each side and the median of
 * the per-round ratio {@code a_vs_b} (A's time ÷ B's: above 1, B took less), with its lowest and
 * highest round. Arguments: A's jar, B's jar (or class directories), then rounds (default 15),
 * batch milliseconds (default 200), document bytes (default 1024) and logs, comma-separated, in the
 * order to meet them (default all). For example, main against a change: {@code ./mvnw -q package
 * -DskipTests -pl canonical-json}, copy {@code canonical-json/target/canonical-json-*.jar} aside,
 * switch to the change and build again, then {@code java -cp benchmarks/target/benchmarks.jar
 * io.runpack.benchmarks.LibraryAbProbe main.jar
 * canonical-json/target/canonical-json-0.1.0-SNAPSHOT.jar 21}.
 */
public final class LibraryAbProbe {

  private static final MethodType CANONICALIZE =
      MethodType.methodType(byte[].class, byte[].class, int.class);

  /** The output limit each call is given: far above any document measured. */
  private static final int MAX_BYTES = 1 << 30;

  private static final int WARMUP_BATCHES = 3;

  private final CpuBatches batches = new CpuBatches();
  private final MethodHandle a;
  private final MethodHandle b;

  private LibraryAbProbe(MethodHandle a, MethodHandle b) {
    this.a = a;
    this.b = b;
  }

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println(
          "usage: LibraryAbProbe A.jar B.jar [rounds] [batch-ms] [bytes] [LOG,LOG,...]");
      System.exit(2);
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    long batchNanos = (args.length > 3 ? Long.parseLong(args[3]) : 200) * 1_000_000L;
    int bytes = args.length > 4 ? Integer.parseInt(args[4]) : 1024;
    List<CoreLog> logs =
        args.length > 5
            ? Arrays.stream(args[5].split(",")).map(CoreLog::valueOf).toList()
            : List.of(CoreLog.values());
    run(Path.of(args[0]), Path.of(args[1]), rounds, batchNanos, bytes, logs, System.out);
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
    CpuBatches.Operation[] operations = {
      () -> canonicalize(a, document)[0], () -> canonicalize(b, document)[0]
    };
    for (CpuBatches.Operation operation : operations) {
      batches.run(operation, WARMUP_BATCHES * batchNanos);
    }
    int[] batch = new int[2];
    for (int i = 0; i < 2; i++) {
      batch[i] = batches.calibrate(operations[i], batchNanos);
    }
    List<double[]> perOp = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      double[] nanos = new double[2];
      for (int k = 0; k < 2; k++) {
        int i = (round + k) % 2; // A first in even rounds, B first in odd ones
        nanos[i] = batches.nanosPerOperation(operations[i], batch[i], batchNanos / 2);
      }
      perOp.add(nanos);
    }
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
