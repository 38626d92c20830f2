package io.runpack.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the dependency rule of the hexagon: the domain's main classes use the JDK and the JDK-only
 * canonical JSON library ({@code io.runpack.json}) and nothing else, none of the JDK's doors to
 * hidden inputs (files, network, clock, randomness, environment, processes), and none of the tools
 * of JSON parsing or number formatting: those live in the library alone. Checked on the compiled
 * classes with jdeps.
 */
class DomainDependencyTest {

  private static final List<String> FORBIDDEN_JDK_CLASSES =
      List.of(
          "java.io.File",
          "java.io.FileInputStream",
          "java.io.FileOutputStream",
          "java.io.RandomAccessFile",
          "java.nio.file.Files",
          "java.nio.file.Path",
          "java.nio.file.Paths",
          "java.nio.channels.FileChannel",
          "java.net.",
          "java.time.Clock",
          "java.time.Instant",
          "java.util.Random",
          "java.security.SecureRandom",
          "java.lang.ProcessBuilder",
          "java.lang.Runtime",
          "java.util.concurrent.ThreadLocalRandom");

  /** What reading JSON text or formatting numbers takes; the domain leaves both to the library. */
  private static final List<String> JSON_AND_NUMBER_CLASSES =
      List.of(
          "java.lang.Double",
          "java.lang.Float",
          "java.math.BigDecimal",
          "java.text.NumberFormat",
          "java.text.DecimalFormat",
          "java.lang.invoke.VarHandle",
          "java.nio.charset.CharsetDecoder",
          "com.fasterxml.jackson.",
          "jakarta.json.",
          "javax.json.",
          "org.json.",
          "com.google.gson.");

  @Test
  void domainMainCodeDependsOnTheJdkAndTheJsonLibraryAlone() {
    List<String> dependencies = dependenciesOfMainClasses();
    assertTrue(dependencies.size() > 10, "jdeps found too few dependencies: " + dependencies);
    List<String> foreign = new ArrayList<>();
    for (String dependency : dependencies) {
      boolean own =
          dependency.startsWith("io.runpack.domain.") || dependency.startsWith("io.runpack.json.");
      boolean jdk = dependency.startsWith("java.");
      if (!own && !jdk) {
        foreign.add(dependency);
      }
    }
    assertEquals(List.of(), foreign, "the domain may depend on the JDK and io.runpack.json only");
  }

  @Test
  void domainMainCodeNeitherParsesJsonNorFormatsNumbers() {
    assertEquals(
        List.of(),
        dependenciesAmong(JSON_AND_NUMBER_CLASSES),
        "JSON text and number formatting belong to io.runpack.json");
  }

  @Test
  void theDomainHoldsNoJsonCodeOfItsOwn() throws IOException {
    Path json = Path.of("target", "classes", "io", "runpack", "domain", "json");
    List<String> classes;
    try (Stream<Path> files = Files.list(json)) {
      classes = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    // the border with the library and typed access to decoded objects; nothing that reads text
    assertEquals(List.of("JsonFields.class", "RunpackJson.class"), classes);
  }

  @Test
  void domainMainCodeHasNoHiddenInputs() {
    assertEquals(
        List.of(),
        dependenciesAmong(FORBIDDEN_JDK_CLASSES),
        "no clock, randomness, environment or I/O in the domain");
  }

  /**
   * The dependencies of the main classes named in {@code forbidden}: a class (or one nested in it)
   * or, for a name ending in '.', anything in that package.
   */
  private static List<String> dependenciesAmong(List<String> forbidden) {
    List<String> found = new ArrayList<>();
    for (String dependency : dependenciesOfMainClasses()) {
      for (String name : forbidden) {
        if (dependency.equals(name)
            || dependency.startsWith(name + "$")
            || (name.endsWith(".") && dependency.startsWith(name))) {
          found.add(dependency);
        }
      }
    }
    return found;
  }

  /** Every class the main classes refer to, as jdeps -verbose:class reports it. */
  private static List<String> dependenciesOfMainClasses() {
    Path classes = Path.of("target", "classes");
    assertTrue(Files.isDirectory(classes), "compile the domain first: " + classes.toAbsolutePath());
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("jdeps is part of the JDK"));
    StringWriter out = new StringWriter();
    int status =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(out),
            "-verbose:class",
            "-filter:none",
            classes.toString());
    assertEquals(0, status, out.toString());
    List<String> dependencies = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      // "   io.runpack.domain.X  -> java.lang.String   java.base"
      int arrow = line.indexOf("->");
      if (arrow < 0 || !line.startsWith(" ")) {
        continue;
      }
      String target = line.substring(arrow + 2).trim().split("\\s+")[0];
      dependencies.add(target);
    }
    return dependencies;
  }
}
