package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Shared steps of the signing tests: keys from the jar or openssl, signed exports as processes. */
final class SignedRunpacks {

  static final String LABEL = "golden_visibility_packet";

  private SignedRunpacks() {}

  /** {@code runpack keygen} into {@code <name>.pem} and {@code <name>.pub.pem}; returns key_id. */
  static String keygen(Path temp, String name) {
    CliProcess.Result result =
        CliProcess.run(
            temp, "keygen", "--private-key", name + ".pem", "--public-key", name + ".pub.pem");
    assertEquals(0, result.exitCode(), result.stderr());
    String out = result.out();
    return out.substring(out.indexOf("\"key_id\":\"") + 10, out.indexOf("\",\"private_key\""));
  }

  /**
   * {@code runpack export} of the golden run into {@code out}, signed with {@code key} if given.
   */
  static CliProcess.Result export(Path temp, String out, String key) {
    Path store = temp.resolve("runs");
    new LocalRunpack(store, null).putBundle(Fixtures.read(Fixtures.runBundle(LABEL)));
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "export",
                "--request",
                Fixtures.request(LABEL).toString(),
                "--runs",
                store.toString(),
                "--output-dir",
                out,
                "--namespace-authority",
                "dg_registry"));
    if (key != null) {
      args.add("--signing-key");
      args.add(key);
    }
    return CliProcess.run(temp, args.toArray(String[]::new));
  }

  static CliProcess.Result openssl(Path dir, String... args)
      throws IOException, InterruptedException {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("openssl"));
    command.addAll(java.util.List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new CliProcess.Result(process.waitFor(), out, err);
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
