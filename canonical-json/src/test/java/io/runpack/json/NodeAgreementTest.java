package io.runpack.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runpack's doubles against node's {@code String(x)}, ECMAScript's Number::toString itself (FORMAT
 * §1 "Numbers"), on random IEEE-754 bit patterns: uniform ones, subnormals, powers of two, short
 * decimals, and the neighbourhoods of 1e21, 1e-6, 1e-7, 2^53, 5e-324 and the largest double. The
 * build compares {@value #DEFAULT_COUNT} of them from a fixed seed (a few seconds); {@code
 * -Dnode.doubles=N} and {@code -Dnode.seed=S} compare others.
 */
class NodeAgreementTest {

  static final int DEFAULT_COUNT = 1_000_000;

  private static final double[] ANCHORS = {
    1e21, 1e-6, 1e-7, 0x1p53, Double.MIN_VALUE, Double.MAX_VALUE, 1e22, 1e23, Double.MIN_NORMAL
  };

  @Test
  void everyDoubleIsWrittenAsNodeWritesIt() throws IOException, InterruptedException {
    int count = Integer.getInteger("node.doubles", DEFAULT_COUNT);
    long[] patterns = patterns(count, new Random(Long.getLong("node.seed", 8785L)));
    List<String> expected = node(patterns);
    assertEquals(patterns.length, expected.size(), "node wrote one line per double");
    List<String> mismatches = new ArrayList<>();
    int mismatchCount = 0;
    for (int i = 0; i < patterns.length; i++) {
      String actual = CanonicalNumbers.ecmaScript(Double.longBitsToDouble(patterns[i]));
      if (!actual.equals(expected.get(i))) {
        mismatchCount++;
        if (mismatches.size() < 20) {
          mismatches.add(
              String.format("%016x: node %s, runpack %s", patterns[i], expected.get(i), actual));
        }
      }
    }
    System.out.printf(
        "NodeAgreementTest: %,d doubles compared with node %s, %d mismatches%n",
        patterns.length, nodeVersion(), mismatchCount);
    assertEquals(List.of(), mismatches, mismatchCount + " mismatches");
  }

  /** Finite bit patterns, the kinds in turn. */
  static long[] patterns(int count, Random random) {
    long[] patterns = new long[count];
    for (int i = 0; i < count; i++) {
      long bits;
      do {
        bits = pattern(i % 12, random);
      } while (((bits >>> 52) & 0x7ff) == 0x7ff);
      patterns[i] = bits;
    }
    return patterns;
  }

  private static long pattern(int kind, Random random) {
    long sign = random.nextBoolean() ? Long.MIN_VALUE : 0;
    return switch (kind) {
      case 0, 1 -> random.nextLong(); // uniform: mostly normals
      case 2 -> sign | (random.nextLong() & ((1L << 52) - 1)); // subnormals
      case 3 -> sign | ((long) (1 + random.nextInt(2046)) << 52); // powers of two
      case 4 -> Double.doubleToRawLongBits(shortDecimal(random)) | sign;
      case 5 -> Double.doubleToRawLongBits(random.nextDouble()); // as a generator would
      default -> {
        double anchor = ANCHORS[random.nextInt(ANCHORS.length)];
        long delta = random.nextInt(1 << 17) - (1 << 16);
        long bits = Double.doubleToRawLongBits(anchor) + delta;
        yield sign | Math.max(1, Math.min(bits, Double.doubleToRawLongBits(Double.MAX_VALUE)));
      }
    };
  }

  /** A decimal of 1 to 17 random digits and a random exponent, read as the nearest double. */
  private static double shortDecimal(Random random) {
    int digits = 1 + random.nextInt(17);
    StringBuilder text = new StringBuilder();
    for (int d = 0; d < digits; d++) {
      text.append((char) ('0' + (d == 0 ? 1 + random.nextInt(9) : random.nextInt(10))));
    }
    double value = Double.parseDouble(text + "e" + (random.nextInt(640) - 330));
    return Double.isInfinite(value) ? 1.0 : value;
  }

  private static List<String> node(long[] patterns) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("node-doubles");
    try {
      Path script = dir.resolve("number-to-string.js");
      try (InputStream in = NodeAgreementTest.class.getResourceAsStream("number-to-string.js")) {
        Files.copy(in, script);
      }
      byte[] input = new byte[patterns.length * 17];
      for (int i = 0; i < patterns.length; i++) {
        for (int d = 0; d < 16; d++) {
          input[i * 17 + d] =
              (byte) Character.forDigit((int) (patterns[i] >>> (60 - 4 * d)) & 15, 16);
        }
        input[i * 17 + 16] = '\n';
      }
      Path bitsFile = dir.resolve("bits.txt");
      Files.write(bitsFile, input);
      Path output = dir.resolve("strings.txt");
      Process process =
          new ProcessBuilder("node", script.toString(), bitsFile.toString())
              .redirectOutput(output.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      assertTrue(process.waitFor(10, TimeUnit.MINUTES), "node did not finish");
      assertEquals(0, process.exitValue(), "node failed");
      return Files.readAllLines(output, StandardCharsets.US_ASCII);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String nodeVersion() throws IOException, InterruptedException {
    Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
    String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return version.trim();
  }
}
