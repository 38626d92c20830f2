package io.runpack.adapters.filesystem;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The guard of {@link ExistingRunpack#REPLACE}: only a runpack may be replaced, and never one that
 * holds what the export reads. In this order, the first failing check is the one refused:
 *
 * <ol>
 *   <li>the output directory is not, does not hold and does not lie inside any of the export's
 *       {@link ExportInputs} ({@code invalid_request});
 *   <li>it holds nothing but directories, JSON files, manifest signatures ({@code .json.sig}) (and
 *       the {@code .runpack-*.tmp} files an earlier Runpack version could leave when killed): no
 *       link, no special file ({@code conflict});
 *   <li>it holds a runpack manifest, a regular file that decodes as one, under one of the {@link
 *       RunpackManifestFile} names ({@code conflict}).
 * </ol>
 *
 * A mistyped output directory (a home directory, a source tree, a directory of settings) is so
 * refused before anything is moved.
 *
 * <p>Guarantees: read-only, never follows a link, lists at most {@link
 * TargetComparison#MAX_ENTRIES} entries and reads at most the few manifest candidates.
 */
final class ReplaceableRunpack {

  private final RunpackManifestFile manifest;
  private final ExportInputs inputs;
  private final Runnable afterListing;

  /**
   * @param manifest the new runpack's manifest name, if known: tried first
   * @param inputs what the export reads
   */
  ReplaceableRunpack(Optional<RunpackPath> manifest, ExportInputs inputs) {
    this(manifest, inputs, () -> {});
  }

  /**
   * As above, with {@code afterListing} run between the listing and the manifest's read (tests).
   */
  ReplaceableRunpack(Optional<RunpackPath> manifest, ExportInputs inputs, Runnable afterListing) {
    this.manifest = new RunpackManifestFile(manifest);
    this.inputs = inputs;
    this.afterListing = afterListing;
  }

  /** Refuses the target of {@code location} unless it is a runpack that may be replaced. */
  void require(OutputLocation location) throws IOException {
    Path target = location.target();
    inputs.requireNoneIn(target, location.shown());
    Object listed = identity(target);
    new Listing(location.shown(), target).check(target);
    afterListing.run();
    Optional<String> notAManifest = manifest.whyNotIn(target);
    if (!listed.equals(identity(target))) {
      // Another export renamed the runpack away (or swapped its own in) while it was read: what
      // was listed and what was read are not one directory, so neither decides; the commit
      // looks again at whatever is there now.
      throw new NoSuchFileException(target.toString(), null, "replaced while it was read");
    }
    if (notAManifest.isPresent()) {
      throw refused(location.shown(), notAManifest.get());
    }
  }

  /** What tells one directory at {@code target} from another renamed there; fails when none is. */
  private static Object identity(Path target) throws IOException {
    BasicFileAttributes attributes = FileTrees.attributes(target);
    if (attributes == null) {
      throw new NoSuchFileException(target.toString(), null, "moved away while it was read");
    }
    Object key = attributes.fileKey();
    return key != null ? key : attributes.creationTime();
  }

  /** One walk over the target, counting what it lists. */
  private static final class Listing {
    private final String shown;
    private final Path root;
    private int listed;

    Listing(String shown, Path root) {
      this.shown = shown;
      this.root = root;
    }

    void check(Path dir) throws IOException {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          if (++listed > TargetComparison.MAX_ENTRIES) {
            throw refused(shown, "it holds more than " + TargetComparison.MAX_ENTRIES + " entries");
          }
          BasicFileAttributes attributes = FileTrees.attributes(entry);
          if (attributes == null) {
            continue; // gone meanwhile
          }
          String name = entry.getFileName().toString();
          if (attributes.isDirectory()) {
            check(entry);
          } else if (!attributes.isRegularFile()
              || !(name.endsWith(".json")
                  || name.endsWith(".json.sig")
                  || name.startsWith(".runpack-") && name.endsWith(".tmp"))) {
            throw refused(
                shown,
                RunpackPath.printable(root.relativize(entry).toString())
                    + " is not a JSON file of a runpack");
          }
        }
      }
    }
  }

  private static RunpackException refused(String shown, String why) {
    return new RunpackException(
        ErrorCode.CONFLICT,
        "output_dir " + shown + " is not replaced: only a runpack is replaced, and " + why);
  }
}
