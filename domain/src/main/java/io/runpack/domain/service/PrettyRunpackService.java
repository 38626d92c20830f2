package io.runpack.domain.service;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.ArtifactRecord;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.out.JsonDecoder;
import io.runpack.domain.port.out.RunpackReader;
import io.runpack.json.JsonValue;
import io.runpack.json.PrettyJson;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decision Gate's {@code runpack pretty} (FORMAT §6): the manifest and every JSON artifact of a
 * runpack re-written indented ({@link PrettyJson}) under the same runpack-relative paths. An
 * artifact whose {@code content_type} is not {@code application/json} is skipped (counted, not
 * written). Nothing is verified: the files are re-formatted as they are.
 *
 * <p>Fails closed: an unreadable manifest is {@link ErrorCode#INVALID_MANIFEST}; an artifact that
 * cannot be read or is not JSON fails the whole run, naming its path; every path is a safe runpack
 * path ({@link RunpackPath}); an artifact listed twice is written once (counted each time); every
 * file and the total are bounded ({@link Limits#MAX_PRETTY_FILE_BYTES}, {@link
 * Limits#MAX_PRETTY_TOTAL_BYTES}). Nothing is written here: the caller gets the files.
 */
public final class PrettyRunpackService {

  /** The files to write (the manifest last) and the counts the command prints. */
  public record Result(List<RunpackFile> files, int json, int skipped) {
    public Result {
      files = List.copyOf(files);
    }
  }

  private final JsonDecoder decoder;

  public PrettyRunpackService(JsonDecoder decoder) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
  }

  public Result pretty(RunpackReader reader, RunpackPath manifestName) {
    String name = manifestName.value();
    byte[] manifestBytes;
    Manifest manifest;
    try {
      manifestBytes = reader.read(name, Limits.MAX_ARTIFACT_BYTES);
      JsonValue json = decoder.decode(manifestBytes);
      String version = Manifest.versionOf(json);
      if (!Manifest.VERSION_V1.equals(version)) {
        throw new RunpackException(
            ErrorCode.INVALID_MANIFEST, "unsupported manifest version: " + version);
      }
      manifest = Manifest.fromJson(json);
    } catch (RunpackException e) {
      ErrorCode code =
          e.code() == ErrorCode.STORAGE_ERROR
              ? ErrorCode.STORAGE_ERROR
              : ErrorCode.INVALID_MANIFEST;
      throw new RunpackException(code, "cannot read manifest " + name + ": " + e.getMessage(), e);
    }
    List<RunpackFile> files = new ArrayList<>();
    Set<String> exact = new HashSet<>();
    Set<String> folded = new HashSet<>();
    folded.add(RunpackPath.folded(name));
    int json = 0;
    int skipped = 0;
    long total = 0;
    for (ArtifactRecord artifact : manifest.artifacts()) {
      if (!artifact.contentType().filter(ArtifactRecord.JSON_CONTENT_TYPE::equals).isPresent()) {
        skipped++;
        continue;
      }
      json++;
      String path = pathOf(artifact.path()).value();
      if (!exact.add(path)) {
        continue; // listed twice: the same file, written once
      }
      if (!folded.add(RunpackPath.folded(path))) {
        throw new RunpackException(
            ErrorCode.INVALID_MANIFEST,
            "artifact "
                + RunpackPath.printable(path)
                + " is the manifest or another artifact on a case-insensitive file system");
      }
      RunpackFile file = RunpackFile.of(path, indented(reader, path));
      total = requireTotal(total + file.bytes().length);
      files.add(file);
    }
    RunpackFile manifestFile = RunpackFile.of(name, indent(manifestBytes, name));
    requireTotal(total + manifestFile.bytes().length);
    files.add(manifestFile);
    return new Result(files, json, skipped);
  }

  private static RunpackPath pathOf(String path) {
    try {
      return RunpackPath.of(path);
    } catch (RunpackException e) {
      throw new RunpackException(ErrorCode.INVALID_MANIFEST, "manifest: " + e.getMessage(), e);
    }
  }

  private static byte[] indented(RunpackReader reader, String path) {
    byte[] bytes;
    try {
      bytes = reader.read(path, Limits.MAX_ARTIFACT_BYTES);
    } catch (RunpackException e) {
      throw new RunpackException(
          e.code(),
          "artifact read failed for " + RunpackPath.printable(path) + ": " + e.getMessage(),
          e);
    }
    return indent(bytes, path);
  }

  private static byte[] indent(byte[] bytes, String path) {
    try {
      return RunpackJson.pretty(bytes, Limits.MAX_PRETTY_FILE_BYTES);
    } catch (RunpackException e) {
      throw e.withContext(RunpackPath.printable(path));
    }
  }

  private static long requireTotal(long total) {
    if (total > Limits.MAX_PRETTY_TOTAL_BYTES) {
      throw new RunpackException(
          ErrorCode.LIMIT_EXCEEDED,
          "the pretty runpack exceeds the limit of " + Limits.MAX_PRETTY_TOTAL_BYTES + " bytes");
    }
    return total;
  }
}
