package io.runpack.adapters.filesystem;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.in.ExportRunpackCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a directory holds a runpack manifest: a regular file, under the new runpack's manifest
 * name or the default name of either export form ({@code manifest.json}, Runpack's; {@code
 * runpack.json}, Decision Gate's), that decodes as a manifest ({@link Manifest#fromJson}, strict:
 * every required member, no unknown one). A name alone is not enough: {@code manifest.json} is a
 * common name for other things.
 *
 * <p>Guarantees: read-only; never follows a link at the candidate's name; reads at most three
 * candidates, each only if it is a regular file of at most {@link Limits#MAX_ARTIFACT_BYTES} bytes
 * (the manifest limit of {@code verify}).
 */
final class RunpackManifestFile {

  /** The default manifest names: Runpack's form, then Decision Gate's. */
  static final List<String> DEFAULT_NAMES =
      List.of(ExportRunpackCommand.DEFAULT_MANIFEST_NAME, "runpack.json");

  private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();

  private final List<String> names = new ArrayList<>();

  /**
   * @param manifest the new runpack's manifest name, if known: tried first
   */
  RunpackManifestFile(Optional<RunpackPath> manifest) {
    manifest.ifPresent(name -> names.add(name.value()));
    DEFAULT_NAMES.stream().filter(name -> !names.contains(name)).forEach(names::add);
  }

  /**
   * Empty if {@code dir} holds a runpack manifest under one of the names; otherwise why not: the
   * first candidate that is there and what it is instead, or that none is there.
   */
  Optional<String> whyNotIn(Path dir) throws IOException {
    Optional<String> first = Optional.empty();
    for (String name : names) {
      Path file = dir.resolve(name);
      BasicFileAttributes attributes = FileTrees.attributes(file);
      if (attributes == null) {
        continue;
      }
      Optional<String> why = whyNot(file, attributes);
      if (why.isEmpty()) {
        return why;
      }
      if (first.isEmpty()) {
        first =
            Optional.of(RunpackPath.printable(name) + " is not a runpack manifest: " + why.get());
      }
    }
    return first.or(() -> Optional.of("it holds no runpack manifest (" + choice() + ")"));
  }

  /** Empty if {@code file} is a manifest, else what it is instead. */
  private static Optional<String> whyNot(Path file, BasicFileAttributes attributes)
      throws IOException {
    if (!attributes.isRegularFile()) {
      return Optional.of("not a regular file");
    }
    if (attributes.size() > Limits.MAX_ARTIFACT_BYTES) {
      return Optional.of("larger than " + Limits.MAX_ARTIFACT_BYTES + " bytes");
    }
    byte[] bytes = FileTrees.readAtMost(file, (int) attributes.size());
    if (bytes == null) {
      return Optional.of("removed while it was read");
    }
    try {
      Manifest.fromJson(CODEC.decode(bytes));
      return Optional.empty();
    } catch (RunpackException notAManifest) {
      return Optional.of(notAManifest.getMessage());
    }
  }

  /** The names as a choice: {@code a}, {@code a or b}, {@code a, b or c}. */
  private String choice() {
    List<String> shown = names.stream().map(RunpackPath::printable).toList();
    String last = shown.get(shown.size() - 1);
    return shown.size() == 1
        ? last
        : String.join(", ", shown.subList(0, shown.size() - 1)) + " or " + last;
  }
}
