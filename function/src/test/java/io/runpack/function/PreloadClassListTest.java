package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart class list (META-INF/quarkus-preload-classes.txt) as recorded by {@code
 * io.runpack.benchmarks.PreloadClassList}: it is the record of a real export (the export's own
 * adapters are in it), sorted without repeats, and every class in it still exists on the function's
 * classpath — a dependency upgrade that drops classes makes this fail until the list is recorded
 * again.
 */
class PreloadClassListTest {

  private static final String LIST = "META-INF/quarkus-preload-classes.txt";

  @Test
  void theListRecordsARealExportThroughDynamoDbAndS3() throws IOException {
    List<String> classes = classes();

    for (String used :
        List.of(
            "io.runpack.adapters.dynamodb.DynamoDbRunStore",
            "io.runpack.adapters.s3.S3RunpackStorage",
            "io.runpack.domain.service.ExportRunpackService",
            "io.runpack.domain.service.RunpackVerifier",
            "software.amazon.awssdk.services.s3.DefaultS3Client",
            "software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient")) {
      assertTrue(classes.contains(used), used + " is not in " + LIST);
    }
  }

  @Test
  void theListIsSortedWithoutRepeats() throws IOException {
    List<String> classes = classes();

    assertEquals(new ArrayList<>(new TreeSet<>(classes)), classes);
  }

  @Test
  void everyListedClassLoadsWithoutBeingInitialized() throws IOException {
    ClassLoader loader = PreloadClassListTest.class.getClassLoader();
    List<String> missing = new ArrayList<>();
    for (String name : classes()) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        missing.add(name + " (" + e + ")");
      }
    }
    assertEquals(List.of(), missing, "record the list again: docs/BENCHMARKS.md §3");
  }

  private static List<String> classes() throws IOException {
    try (InputStream in = PreloadClassListTest.class.getClassLoader().getResourceAsStream(LIST)) {
      assertTrue(in != null, LIST + " is not packaged");
      List<String> classes = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          classes.add(line);
        }
      }
      assertTrue(classes.size() > 1000, "only " + classes.size() + " classes in " + LIST);
      return classes;
    }
  }
}
