package io.runpack.cli;

import io.runpack.adapters.filesystem.ExistingRunpack;
import io.runpack.adapters.filesystem.FileSystemRunpackReader;
import io.runpack.adapters.filesystem.FileSystemRunpackStorage;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.service.PrettyRunpackService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code runpack pretty}: Decision Gate's command of that name (FORMAT §6). The manifest and every
 * JSON artifact, indented, under the same paths in a new directory; other artifacts skipped.
 *
 * <p>The runpack is read through verify's confined reader (no path or link out of the runpack
 * directory, every file bounded) and written by the export's directory protocol: staged beside the
 * output directory and moved into place whole. An output directory that is missing or empty becomes
 * the pretty runpack; one that already holds exactly these files is left as it is; one that holds
 * anything else is a {@code conflict}, untouched. So a pretty runpack never mixes with other files
 * (nor overwrites the runpack it was made from), and a failure leaves nothing behind.
 */
@Command(
    name = "pretty",
    description = {
      "Write a runpack's manifest and JSON artifacts indented (two spaces), under the same paths"
          + " in a new directory; non-JSON artifacts are skipped.",
      "The output directory must be missing or empty (or already hold exactly this output)."
    })
final class PrettyCommand implements Callable<Integer> {

  @ParentCommand RunpackCommand parent;

  @Mixin HelpOption help;

  @Option(
      names = "--manifest",
      required = true,
      paramLabel = "PATH",
      description = "The runpack's manifest.")
  String manifest;

  @Option(
      names = "--runpack-dir",
      paramLabel = "DIR",
      description = "The runpack directory (default: the manifest's directory).")
  String runpackDir;

  @Option(
      names = "--output-dir",
      required = true,
      paramLabel = "DIR",
      description = "Where the indented runpack goes.")
  String outputDir;

  @Override
  public Integer call() {
    ManifestLocation where = ManifestLocation.of(null, manifest, runpackDir);
    PrettyRunpackService.Result result;
    try (FileSystemRunpackReader reader = new FileSystemRunpackReader(where.directory())) {
      result =
          new PrettyRunpackService(new JacksonJsonCodec()).pretty(reader, where.manifestName());
    }
    new FileSystemRunpackStorage(Optional.empty(), ExistingRunpack.REFUSE, List.of(), () -> {})
        .publishFiles(Optional.of(outputDir), result.files());
    parent.console.printText(
        "Pretty runpack written to "
            + outputDir
            + " (json: "
            + result.json()
            + ", skipped: "
            + result.skipped()
            + ")\n");
    return 0;
  }
}
