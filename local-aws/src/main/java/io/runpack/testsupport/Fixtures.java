package io.runpack.testsupport;

import io.runpack.domain.model.SecurityContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Decision Gate reference fixtures (fixtures/decision-gate in this repository), read-only, and
 * file helpers.
 */
public final class Fixtures {

  /** The two golden runpacks and the runs they came from. */
  public static final List<String> LABELS =
      List.of("golden_time_after_pass", "golden_visibility_packet");

  /** The security context the goldens were exported with. */
  public static final SecurityContext DG_SECURITY = new SecurityContext(false, "dg_registry");

  private Fixtures() {}

  public static Path root() {
    String configured = System.getProperty("test.fixtures.dir", "../fixtures/decision-gate");
    Path root = Path.of(configured).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("Decision Gate fixtures not found at " + root);
    }
    return root;
  }

  public static Path golden(String label) {
    return root().resolve("golden").resolve(label);
  }

  public static Path backcompat() {
    return root().resolve("backcompat").resolve("v1");
  }

  public static Path runBundle(String label) {
    return root().resolve("runs").resolve(label + ".json");
  }

  public static Path request(String label) {
    return root().resolve("requests").resolve(label + ".json");
  }

  /** Every regular file under {@code dir}, by '/'-separated relative path, with its bytes. */
  public static Map<String, byte[]> readTree(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** Copies the tree at {@code from} to {@code to}, writable (the fixtures are read-only). */
  public static Path copyTree(Path from, Path to) {
    readTree(from).forEach((relative, bytes) -> write(to.resolve(relative), bytes));
    return to;
  }

  public static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
