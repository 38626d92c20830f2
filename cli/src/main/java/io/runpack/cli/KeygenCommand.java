package io.runpack.cli;

import io.runpack.adapters.filesystem.IoReasons;
import io.runpack.adapters.signing.Ed25519Signer;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code runpack keygen}: a fresh Ed25519 key pair for signing runpacks, as PEM files openssl reads
 * (private: PKCS#8, created with mode 0600; public: SPKI). Never overwrites a file: an existing one
 * is invalid input and nothing is written.
 */
@Command(
    name = "keygen",
    description = {
      "Make an Ed25519 signing key pair: the private key as PKCS#8 PEM (mode 0600), the public key"
          + " as SPKI PEM. Existing files are never overwritten.",
      "Prints {\"key_id\":…,\"private_key\":…,\"public_key\":…}."
    })
final class KeygenCommand implements Callable<Integer> {

  @ParentCommand RunpackCommand parent;

  @Mixin HelpOption help;

  @Option(
      names = "--private-key",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the private key (PKCS#8 PEM, 0600); must not exist.")
  Path privateKey;

  @Option(
      names = "--public-key",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the public key (SPKI PEM); must not exist.")
  Path publicKey;

  @Override
  public Integer call() {
    if (privateKey.toAbsolutePath().normalize().equals(publicKey.toAbsolutePath().normalize())) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST,
          "--private-key and --public-key name the same file: " + privateKey);
    }
    for (Path file : new Path[] {privateKey, publicKey}) {
      if (Files.exists(file)) {
        throw Failures.invalidInput(
            ErrorCode.INVALID_REQUEST, file + " already exists; keygen never overwrites a key");
      }
    }
    Ed25519Signer keys = Ed25519Signer.generate();
    writeNew(privateKey, keys.privateKeyPem(), true);
    try {
      writeNew(publicKey, keys.publicKeyPem(), false);
    } catch (RuntimeException e) {
      deleteQuietly(privateKey);
      throw e;
    }
    parent.console.printJson(
        JsonObject.builder()
            .put("key_id", keys.keyId())
            .put("private_key", privateKey.toString())
            .put("public_key", publicKey.toString())
            .build());
    return 0;
  }

  private static void writeNew(Path file, byte[] bytes, boolean secret) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (secret && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
        out.write(bytes);
      }
    } catch (FileAlreadyExistsException e) {
      throw Failures.invalidInput(
          ErrorCode.INVALID_REQUEST, file + " already exists; keygen never overwrites a key");
    } catch (IOException e) {
      throw new RunpackException(
          ErrorCode.STORAGE_ERROR,
          "cannot write " + file + ": " + IoReasons.of(e, file.toString()));
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the error being reported says more
    }
  }
}
