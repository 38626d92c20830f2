package io.runpack.cli;

import io.runpack.adapters.filesystem.FileSystemRunpackReader;
import io.runpack.adapters.filesystem.FileSystemSignatureWriter;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.signing.Ed25519Signer;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.SignRunpackService;
import io.runpack.json.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code runpack sign}: signs an existing runpack directory. The runpack is verified first (one
 * that fails is not signed: exit 1, the report printed); then the exact manifest bytes verified are
 * signed and {@code <manifest>.sig} is added whole. An existing, different signature is a conflict.
 */
@Command(
    name = "sign",
    description = {
      "Sign an existing runpack: verify it, then write <manifest>.sig, the Ed25519 signature of"
          + " the manifest's exact bytes.",
      "Prints {\"key_id\":…,\"report\":…,\"signature\":\"<manifest>.sig\"}; exit 1 (nothing"
          + " written) when the runpack fails verification."
    })
final class SignCommand implements Callable<Integer> {

  @ParentCommand RunpackCommand parent;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "DIR", description = "The runpack directory.")
  Path directory;

  @Option(
      names = "--manifest",
      paramLabel = "NAME",
      defaultValue = "manifest.json",
      description = "Manifest file name inside the runpack (default: ${DEFAULT-VALUE}).")
  String manifest;

  @Option(
      names = "--signing-key",
      required = true,
      paramLabel = "FILE",
      description =
          "Ed25519 private key: PKCS#8 PEM (openssl genpkey -algorithm ed25519) or a 32-byte seed,"
              + " raw or base64.")
  String signingKey;

  @Override
  public Integer call() {
    RunpackPath manifestName = Failures.manifestName(manifest);
    Ed25519Signer signer = KeyFiles.signer(signingKey, parent.console);
    SignRunpackService.Outcome outcome;
    try (FileSystemRunpackReader reader = new FileSystemRunpackReader(directory)) {
      outcome =
          new SignRunpackService(new JacksonJsonCodec(), signer)
              .sign(new VerifyRunpackCommand(reader, manifestName));
    } catch (RunpackException e) {
      throw Failures.asInput(e);
    }
    if (outcome.signature().isEmpty()) {
      parent.console.printJson(
          JsonObject.builder().put("report", outcome.report().toJson()).build());
      return 1;
    }
    RunpackFile signature = outcome.signature().get();
    new FileSystemSignatureWriter(directory).write(signature);
    parent.console.printJson(
        JsonObject.builder()
            .put("key_id", signer.keyId())
            .put("report", outcome.report().toJson())
            .put("signature", signature.path().value())
            .build());
    return 0;
  }
}
