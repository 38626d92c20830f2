package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./runpack} script of the repository, run with bash in a copy of its layout: the
 * script, the real jar in {@code cli/target}, the sources and poms it watches (made long ago), and
 * a {@code mvnw} that records how it was called and stands for a build by touching the jar. What
 * the script prints on standard output must be the command's output alone, whatever state its
 * class-data-sharing archive is in, and a change to any module the command is made of rebuilds it.
 */
class RunpackScriptIT {

  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));

  private static final List<String> MODULES =
      List.of("canonical-json", "domain", "adapters", "cli");

  @TempDir Path repository;

  private Path jar;
  private Path archive;

  @BeforeEach
  void layout() throws IOException {
    Files.copy(ReadmeIT.REPOSITORY.resolve("runpack"), repository.resolve("runpack"));
    Files.writeString(repository.resolve("pom.xml"), "<project/>");
    for (String module : MODULES) {
      Path main = Files.createDirectories(repository.resolve(module + "/src/main/java"));
      Files.writeString(main.resolve("Source.java"), "class Source {}");
      Files.writeString(repository.resolve(module + "/pom.xml"), "<project/>");
    }
    try (var files = Files.walk(repository)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.setLastModifiedTime(file, LONG_AGO);
      }
    }
    jar = Files.createDirectories(repository.resolve("cli/target")).resolve("runpack.jar");
    Files.copy(CliProcess.JAR, jar);
    archive = jar.resolveSibling("runpack.jsa");
    Path mvnw = repository.resolve("mvnw");
    Files.writeString(mvnw, "#!/bin/sh\necho \"$@\" >> mvnw.calls\ntouch cli/target/runpack.jar\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void anArchiveMadeForAnotherJarIsMadeAgainAndStandardOutputIsTheOutputAlone() throws Exception {
    Run first = runpack("{\"b\":1,\"a\":2}", "canonicalize");
    assertEquals(0, first.exitCode(), first.stderr());
    assertEquals("{\"a\":2,\"b\":1}", first.stdout());
    assertTrue(Files.isRegularFile(archive), "the first run makes the archive");

    // the jar built again (by Maven, not by the script): the archive no longer holds for it
    Files.copy(CliProcess.JAR, jar, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    Run second = runpack("{\"b\":1,\"a\":2}", "canonicalize");

    assertEquals(0, second.exitCode(), second.stderr());
    assertEquals("{\"a\":2,\"b\":1}", second.stdout(), "nothing but the canonical bytes");
    assertEquals("", second.stderr(), "the archive was made again, so nothing to warn of");
    assertEquals(
        Files.getLastModifiedTime(jar),
        Files.getLastModifiedTime(archive),
        "the archive is made for the jar now there, and takes its time");
    assertFalse(Files.exists(calls()), "nothing was rebuilt");
  }

  @Test
  void aWarningOfTheJvmGoesToStandardErrorNotIntoTheOutput() throws Exception {
    assertEquals(0, runpack("{}", "canonicalize").exitCode());
    // an archive that cannot be used for this jar, whose time says it can: the JVM warns
    FileTime later = FileTime.from(Instant.now().plusSeconds(60));
    Files.setLastModifiedTime(jar, later);
    Files.setLastModifiedTime(archive, later);

    Run run = runpack("[3,2,1]", "canonicalize");

    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals("[3,2,1]", run.stdout());
    assertTrue(run.stderr().contains("warning"), "the JVM's warning is said: " + run.stderr());
  }

  @Test
  void aChangeToAnyModuleOfTheCommandOrToTheBuildRebuildsIt() throws Exception {
    Run unchanged = runpack("{}", "canonicalize");
    assertEquals(0, unchanged.exitCode(), unchanged.stderr());
    assertFalse(Files.exists(calls()), "nothing is newer than the jar: no build");

    List<String> changes = new ArrayList<>(List.of("pom.xml"));
    for (String module : MODULES) {
      changes.add(module + "/src/main/java/Source.java");
      changes.add(module + "/pom.xml");
    }
    for (String change : changes) {
      Path changed = repository.resolve(change);
      Files.setLastModifiedTime(changed, FileTime.from(Instant.now().plusSeconds(5)));
      Run run = runpack("{}", "canonicalize");
      Files.setLastModifiedTime(changed, LONG_AGO);

      assertEquals(0, run.exitCode(), run.stderr());
      assertEquals("{}", run.stdout());
      assertEquals(
          List.of("-q -pl cli -am -DskipTests package"), Files.readAllLines(calls()), change);
      Files.delete(calls());
    }
  }

  private Path calls() {
    return repository.resolve("mvnw.calls");
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  private Run runpack(String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "./runpack"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(repository.toFile()).start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    var out = CompletableFuture.supplyAsync(() -> read(process, false));
    var err = CompletableFuture.supplyAsync(() -> read(process, true));
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "./runpack did not finish");
    return new Run(process.exitValue(), out.join(), err.join());
  }

  private static String read(Process process, boolean error) {
    try {
      return new String(
          (error ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
