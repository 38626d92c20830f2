package io.runpack.localaws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Keeps S3Mock on the loopback interface. S3Mock serves plain HTTP on a Tomcat connector of its
 * own, which it binds to every interface whatever {@code server.address} says (S3Mock 4 has no
 * setting for it), so anyone who could reach the machine could read and write its buckets. This
 * builds, beside the installed S3Mock, a jar of one Spring Boot auto-configuration that binds
 * S3Mock's extra connectors to 127.0.0.1 (compiled against S3Mock's own libraries, so no Spring
 * dependency enters the build), and S3Mock is started through Spring Boot's {@code
 * PropertiesLauncher} with that jar on its loader path.
 */
final class S3MockLoopback {

  static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

  private static final String CLASS = "io.runpack.localaws.s3mock.LoopbackConnectors";

  private static final String SOURCE =
      """
      package io.runpack.localaws.s3mock;

      import org.apache.catalina.connector.Connector;
      import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
      import org.springframework.boot.web.server.WebServerFactoryCustomizer;

      /** Binds the connectors S3Mock adds (its plain HTTP one) to 127.0.0.1. */
      public class LoopbackConnectors
          implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
          for (Connector connector : factory.getAdditionalTomcatConnectors()) {
            connector.setProperty("address", "127.0.0.1");
          }
        }
      }
      """;

  /** S3Mock's libraries the customizer is compiled against. */
  private static final List<String> LIBRARIES =
      List.of(
          "spring-boot-3",
          "spring-core-",
          "spring-context-",
          "spring-beans-",
          "spring-web-",
          "tomcat-embed-core-");

  private S3MockLoopback() {}

  /** The command that starts {@code s3mock} (its exec jar) kept on loopback. */
  static List<String> command(String java, Path s3mock, List<String> jvmOptions) {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvmOptions);
    command.add("-Dloader.path=" + jar(s3mock));
    command.addAll(List.of("-cp", s3mock.toString(), LAUNCHER));
    return command;
  }

  /**
   * The customizer's jar beside {@code s3mock}, built on first use; several JVMs may build it at
   * once, each in a directory of its own, the last rename winning with the same bytes.
   */
  static Path jar(Path s3mock) {
    Path jar = s3mock.resolveSibling("s3mock-loopback.jar");
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    Path work = null;
    try {
      work = Files.createTempDirectory(s3mock.getParent(), ".s3mock-loopback-");
      List<Path> libraries = extractLibraries(s3mock, Files.createDirectories(work.resolve("lib")));
      Path source = work.resolve("src/LoopbackConnectors.java");
      Files.createDirectories(source.getParent());
      Files.writeString(source, SOURCE, StandardCharsets.UTF_8);
      Path classes = Files.createDirectories(work.resolve("classes"));
      compile(source, classes, libraries);
      Path built = work.resolve("s3mock-loopback.jar");
      writeJar(classes, built);
      Files.move(built, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + jar, e);
    } finally {
      LocalAwsStack.deleteTree(work);
    }
  }

  private static List<Path> extractLibraries(Path s3mock, Path dir) throws IOException {
    List<Path> libraries = new ArrayList<>();
    try (ZipFile zip = new ZipFile(s3mock.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        if (!name.startsWith("BOOT-INF/lib/") || !name.endsWith(".jar")) {
          continue;
        }
        String file = name.substring("BOOT-INF/lib/".length());
        if (LIBRARIES.stream().anyMatch(file::startsWith)) {
          Path library = dir.resolve(file);
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, library);
          }
          libraries.add(library);
        }
      }
    }
    if (libraries.size() != LIBRARIES.size()) {
      throw new IllegalStateException(
          s3mock + " holds " + libraries + ", not one each of " + LIBRARIES);
    }
    return libraries;
  }

  private static void compile(Path source, Path classes, List<Path> libraries) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("the local AWS stack needs a JDK (javac), not a JRE");
    }
    String classpath =
        String.join(java.io.File.pathSeparator, libraries.stream().map(Path::toString).toList());
    int status =
        javac.run(
            null,
            null,
            null,
            "-proc:none",
            "--release",
            "17",
            "-cp",
            classpath,
            "-d",
            classes.toString(),
            source.toString());
    if (status != 0) {
      throw new IllegalStateException("cannot compile S3Mock's loopback customizer: " + status);
    }
  }

  private static void writeJar(Path classes, Path jar) throws IOException {
    String classFile = CLASS.replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(classFile));
      Files.copy(classes.resolve(classFile), out);
      out.closeEntry();
      out.putNextEntry(
          new JarEntry(
              "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"));
      out.write((CLASS + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
  }
}
