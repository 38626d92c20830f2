package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.model.ArtifactRecord;
import io.runpack.domain.model.FileHash;
import io.runpack.domain.model.Integrity;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.Sha256;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonNumber;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of hostile runpacks (corpus/runpacks, written by corpus/generate.py): each case is a
 * Decision Gate runpack with mutations applied (bytes, paths, links, sizes, manifests, forgeries),
 * verified by the runpack jar as a process. Each must end as its descriptor says: the exit code,
 * the report's errors, or the one-line error; and nothing outside the runpack is ever read.
 */
class RunpackCorpusIT {

  static final Path CORPUS =
      Path.of(System.getProperty("test.corpus.dir", "../corpus")).resolve("runpacks");
  static final JacksonJsonCodec CODEC = new JacksonJsonCodec();

  @TempDir Path temp;

  static Stream<String> cases() throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(CORPUS)) {
      names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .sorted()
              .toList();
    }
    assertTrue(names.size() >= 200, "at least 200 hostile runpacks: " + names.size());
    return names.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileRunpackIsHandledAsDescribed(String name) throws IOException {
    JsonObject descriptor = (JsonObject) CODEC.decode(Files.readAllBytes(CORPUS.resolve(name)));
    Path runpack =
        Fixtures.copyTree(
            Fixtures.root().resolve(text(descriptor, "base")), temp.resolve("runpack"));
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.copy(runpack.resolve("artifacts/triggers.json"), outside.resolve("triggers.json"));
    for (JsonValue op : ((JsonArray) descriptor.get("ops").orElseThrow()).elements()) {
      apply((JsonObject) op, runpack, outside);
    }

    CliProcess.Result result = CliProcess.run(temp, "verify", runpack.toString());

    JsonObject expect = (JsonObject) descriptor.get("expect").orElseThrow();
    int exit = Integer.parseInt(((JsonNumber) expect.get("exit").orElseThrow()).lexeme());
    assertEquals(
        exit,
        result.exitCode(),
        text(descriptor, "description")
            + "\nstdout: "
            + result.out()
            + "\nstderr: "
            + result.stderr());
    if (exit == 0 || exit == 1) {
      JsonObject report = (JsonObject) CODEC.decode(result.stdout());
      List<String> errors = new ArrayList<>();
      ((JsonArray) report.get("errors").orElseThrow())
          .elements()
          .forEach(e -> errors.add(((JsonString) e).value()));
      assertEquals(new JsonString(exit == 0 ? "pass" : "fail"), report.get("status").orElseThrow());
      expect
          .get("checked_files")
          .ifPresent(n -> assertEquals(n, report.get("checked_files").orElseThrow()));
      expect
          .get("errors_include")
          .ifPresent(
              list ->
                  strings(list).forEach(e -> assertTrue(errors.contains(e), e + " in " + errors)));
      expect.get("errors_exactly").ifPresent(list -> assertEquals(strings(list), errors));
      expect
          .get("errors_include_prefix")
          .ifPresent(
              list ->
                  strings(list)
                      .forEach(
                          p ->
                              assertTrue(
                                  errors.stream().anyMatch(e -> e.startsWith(p)),
                                  p + "… in " + errors)));
    } else {
      result.assertFailureStartingWith(exit, text(expect, "code"), "");
      String message =
          ((JsonString)
                  ((JsonObject)
                          ((JsonObject)
                                  CODEC.decode(result.stderr().getBytes(StandardCharsets.UTF_8)))
                              .get("error")
                              .orElseThrow())
                      .get("message")
                      .orElseThrow())
              .value();
      assertTrue(message.startsWith(text(expect, "message_prefix")), message);
    }
  }

  private static void apply(JsonObject op, Path runpack, Path outside) throws IOException {
    String kind = text(op, "op");
    Path file = op.get("path").map(p -> runpack.resolve(((JsonString) p).value())).orElse(null);
    switch (kind) {
      case "flip" -> {
        byte[] bytes = Files.readAllBytes(file);
        JsonValue offset = op.get("offset").orElseThrow();
        int at =
            offset instanceof JsonString
                ? bytes.length / 2
                : Integer.parseInt(((JsonNumber) offset).lexeme());
        bytes[at < 0 ? bytes.length + at : at] ^= 0x01;
        Files.write(file, bytes);
      }
      case "truncate" -> {
        byte[] bytes = Files.readAllBytes(file);
        JsonValue length = op.get("length").orElseThrow();
        int keep =
            length instanceof JsonString
                ? bytes.length / 2
                : Integer.parseInt(((JsonNumber) length).lexeme());
        Files.write(file, Arrays.copyOf(bytes, keep));
      }
      case "append" ->
          Files.write(
              file,
              text(op, "text").getBytes(StandardCharsets.UTF_8),
              java.nio.file.StandardOpenOption.APPEND);
      case "write" -> Files.write(file, text(op, "text").getBytes(StandardCharsets.UTF_8));
      case "prepend" -> {
        byte[] head = text(op, "text").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(file);
        byte[] joined = Arrays.copyOf(head, head.length + bytes.length);
        System.arraycopy(bytes, 0, joined, head.length, bytes.length);
        Files.write(file, joined);
      }
      case "mkfifo" -> {
        try {
          assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      case "mkdir" -> Files.createDirectories(file);
      case "repeat_file_hash" -> repeatFileHash(runpack.resolve("manifest.json"), op);
      case "delete" -> Files.delete(file);
      case "replace" -> {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(content.contains(text(op, "from")), "case does not apply: " + text(op, "from"));
        Files.writeString(
            file, content.replace(text(op, "from"), text(op, "to")), StandardCharsets.UTF_8);
      }
      case "symlink" ->
          Files.createSymbolicLink(
              file, Path.of(text(op, "target").replace("$OUTSIDE", outside.toString())));
      case "sparse" -> {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
          raf.setLength(Long.parseLong(((JsonNumber) op.get("size").orElseThrow()).lexeme()));
        }
      }
      case "drop_member" -> {
        JsonObject manifest = (JsonObject) CODEC.decode(Files.readAllBytes(file));
        JsonObject.Builder without = JsonObject.builder();
        manifest
            .members()
            .forEach(
                (k, v) -> {
                  if (!k.equals(text(op, "member"))) {
                    without.put(k, v);
                  }
                });
        Files.write(file, CanonicalJson.toBytes(without.build()));
      }
      case "replace_in_integrity" -> flipIntegrityDigit(runpack.resolve("manifest.json"), op);
      case "rehash" -> rehash(runpack);
      default -> throw new AssertionError("unknown op " + kind);
    }
  }

  private static void flipIntegrityDigit(Path manifest, JsonObject op) throws IOException {
    String text = Files.readString(manifest);
    JsonValue which = op.get("which").orElseThrow();
    int at =
        which instanceof JsonString
            ? text.indexOf("\"value\":\"", text.indexOf("\"root_hash\":"))
            : nthValue(
                text,
                text.indexOf("\"file_hashes\":"),
                Integer.parseInt(((JsonNumber) which).lexeme()));
    int position =
        at
            + "\"value\":\"".length()
            + Integer.parseInt(((JsonNumber) op.get("digit").orElseThrow()).lexeme());
    char old = text.charAt(position);
    Files.writeString(
        manifest,
        text.substring(0, position) + (old == '0' ? '1' : '0') + text.substring(position + 1));
  }

  /** Lists one file-hash entry {@code times} more times and recomputes the root hash. */
  private static void repeatFileHash(Path file, JsonObject op) throws IOException {
    Manifest manifest = Manifest.fromJson(CODEC.decode(Files.readAllBytes(file)));
    List<FileHash> hashes = new ArrayList<>(manifest.integrity().fileHashes());
    FileHash repeated = hashes.get(number(op, "which"));
    for (int i = 0; i < number(op, "times"); i++) {
      hashes.add(repeated);
    }
    Files.write(
        file,
        CanonicalJson.toBytes(
            manifest.withContents(manifest.artifacts(), Integrity.over(hashes)).toJson()));
  }

  private static int number(JsonObject object, String key) {
    return Integer.parseInt(((JsonNumber) object.get(key).orElseThrow()).lexeme());
  }

  private static int nthValue(String text, int from, int n) {
    int at = from;
    for (int i = 0; i <= n; i++) {
      at = text.indexOf("\"value\":\"", at + 1);
    }
    return at;
  }

  /** What a forger does: recompute every file hash and the root hash from the files as they are. */
  private static void rehash(Path runpack) throws IOException {
    Manifest manifest =
        Manifest.fromJson(CODEC.decode(Files.readAllBytes(runpack.resolve("manifest.json"))));
    List<FileHash> hashes = new ArrayList<>();
    List<ArtifactRecord> artifacts = new ArrayList<>();
    for (ArtifactRecord artifact : manifest.artifacts()) {
      var hash = Sha256.of(Files.readAllBytes(runpack.resolve(artifact.path())));
      hashes.add(new FileHash(artifact.path(), hash));
      artifacts.add(
          new ArtifactRecord(
              artifact.artifactId(),
              artifact.kind(),
              artifact.path(),
              artifact.contentType(),
              hash,
              artifact.required()));
    }
    Files.write(
        runpack.resolve("manifest.json"),
        CanonicalJson.toBytes(manifest.withContents(artifacts, Integrity.over(hashes)).toJson()));
  }

  private static List<String> strings(JsonValue list) {
    List<String> out = new ArrayList<>();
    ((JsonArray) list).elements().forEach(e -> out.add(((JsonString) e).value()));
    return out;
  }

  private static String text(JsonObject object, String key) {
    return ((JsonString) object.get(key).orElseThrow()).value();
  }
}
