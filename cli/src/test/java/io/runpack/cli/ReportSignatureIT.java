package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runpack report --public-key}, as a process: the signature is checked as {@code verify
 * --public-key} checks it, the page's verdict says what was found, the printed summary ends with
 * the same signature line as {@code verify --format text}, and a signature that is not the key's
 * (another key, a manifest changed after signing) fails the report, exit 1, with the page written.
 * Without a key, the page names what lies beside the manifest and says it was not checked.
 */
class ReportSignatureIT {

  @TempDir Path temp;
  String keyId;

  @BeforeEach
  void signedRunpack() {
    keyId = SignedRunpacks.keygen(temp, "key");
    assertEquals(0, SignedRunpacks.export(temp, "rp", "key.pem").exitCode());
  }

  @Test
  void aSignedRunpackPassesWithItsKeyAndThePageSaysTheSignatureIsValid() throws IOException {
    CliProcess.Result report = report("--public-key", "key.pub.pem");
    CliProcess.Result verify =
        CliProcess.run(temp, "verify", "rp", "--format", "text", "--public-key", "key.pub.pem");

    assertEquals(0, report.exitCode(), report.stderr());
    assertEquals("runpack PASSED: 8 files checked, 0 errors\nsignature: valid\n", report.out());
    assertEquals(verify.out(), report.out(), "the verdict as verify --format text prints it");
    assertEquals("", report.stderr());
    Document page = page();
    assertEquals("pass", page.getElementById("status").text());
    assertEquals(
        "Signature: valid — signature valid: manifest.json.sig (ed25519 key " + keyId + ").",
        page.getElementById("signature").text());
  }

  @Test
  void aManifestChangedAfterSigningFailsWithTheKeyAndIsNamedWithoutIt() throws IOException {
    Path manifest = temp.resolve("rp/manifest.json");
    String original = Files.readString(manifest);
    String changed =
        original.replace(
            "\"generated_at\":{\"kind\":\"logical\",\"value\":10}",
            "\"generated_at\":{\"kind\":\"logical\",\"value\":11}");
    assertNotEquals(original, changed);
    Files.writeString(manifest, changed);
    String otherBytes =
        "signature over other bytes: manifest.json.sig signs sha256 "
            + SignedRunpacks.sha256Hex(original.getBytes(StandardCharsets.UTF_8))
            + ", manifest.json has sha256 "
            + SignedRunpacks.sha256Hex(changed.getBytes(StandardCharsets.UTF_8));

    CliProcess.Result keyed = report("--public-key", "key.pub.pem");
    Document keyedPage = page();
    CliProcess.Result plain = report();
    Document plainPage = page();

    assertEquals(1, keyed.exitCode(), keyed.stderr());
    assertEquals(
        "runpack FAILED: 8 files checked, 1 error\n  - "
            + otherBytes
            + "\nsignature: other_bytes\n",
        keyed.out());
    assertEquals("fail", keyedPage.getElementById("status").text());
    assertEquals(List.of(otherBytes), keyedPage.select("#errors li").eachText());
    assertEquals(
        "Signature: other_bytes — " + otherBytes + ".",
        keyedPage.getElementById("signature").text());

    assertEquals(0, plain.exitCode(), "without a key, Decision Gate's verdict: " + plain.stderr());
    assertEquals(
        "runpack PASSED: 8 files checked, 0 errors\nsignature: not checked (no --public-key)\n",
        plain.out());
    assertEquals("pass", plainPage.getElementById("status").text());
    assertEquals(
        "Signature: not checked (no --public-key) — " + otherBytes + ".",
        plainPage.getElementById("signature").text());
  }

  @Test
  void anotherKeysSignatureFailsTheReport() {
    SignedRunpacks.keygen(temp, "other");

    CliProcess.Result report = report("--public-key", "other.pub.pem");

    assertEquals(1, report.exitCode(), report.stderr());
    assertEquals("signature: other_key", last(report.out()));
    assertEquals("fail", page().getElementById("status").text());
  }

  @Test
  void anUnsignedRunpackIsNamedSoWithoutAKeyAndFailsWithOne() throws IOException {
    Files.delete(temp.resolve("rp/manifest.json.sig"));

    CliProcess.Result plain = report();
    Document plainPage = page();
    CliProcess.Result keyed = report("--public-key", "key.pub.pem");

    assertEquals(0, plain.exitCode(), plain.stderr());
    assertEquals(
        "Signature: not checked (no --public-key) — signature missing: manifest.json.sig: no"
            + " such file.",
        plainPage.getElementById("signature").text());
    assertEquals(1, keyed.exitCode(), keyed.stderr());
    assertEquals("signature: unsigned", last(keyed.out()));
  }

  private CliProcess.Result report(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("report", "rp", "--html", "page.html"));
    args.addAll(List.of(more));
    return CliProcess.run(temp, args.toArray(String[]::new));
  }

  private Document page() {
    try {
      return Jsoup.parse(temp.resolve("page.html").toFile(), "UTF-8");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String last(String out) {
    String[] lines = out.split("\n");
    return lines[lines.length - 1];
  }
}
