package io.runpack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12, finding 9, through the {@code runpack} jar: a manifest name must be portable — no drive
 * or ':' in its first component (absolute on Windows), and no collision with an artifact on a
 * case-insensitive file system (Windows, macOS), no control or line-breaking character (a newline
 * would break every listing and log that shows the name), and not named as a manifest's signature
 * ({@code .sig}: it would replace the signature of another runpack's manifest beside it). Refused
 * before anything is written.
 */
class PortableManifestNameIT {

  private static final String LABEL = "golden_time_after_pass";

  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ARTIFACTS/DECISIONS.JSON|manifest_name ARTIFACTS/DECISIONS.JSON collides with artifact"
            + " artifacts/decisions.json",
        "Artifacts/Verifier_Report.json|manifest_name Artifacts/Verifier_Report.json collides"
            + " with artifact artifacts/verifier_report.json",
        "ARTIFACTS|manifest_name ARTIFACTS collides with artifact artifacts/scenario_spec.json",
        "C:/manifest.json|invalid runpack path \"C:/manifest.json\": has a ':' in its first"
            + " component (a drive on Windows)",
        "manifest.json.sig|manifest_name manifest.json.sig ends in .sig, as a manifest's"
            + " signature is named: it would take the place of the signature of manifest.json",
        "runs/Manifest.JSON.SIG|manifest_name runs/Manifest.JSON.SIG ends in .sig, as a"
            + " manifest's signature is named: it would take the place of the signature of"
            + " runs/Manifest.JSON",
        "c:|invalid runpack path \"c:\": has a ':' in its first component (a drive on Windows)",
        "a\\nb.json|invalid runpack path \"a?b.json\": contains a control character (U+000A)",
        "a\\u2028b.json|invalid runpack path \"a?b.json\": contains a control character"
            + " (U+2028)",
      })
  void anUnportableManifestNameIsRefusedAndNothingIsWritten(String name, String message)
      throws IOException {
    Path store = temp.resolve("runs");
    new LocalRunpack(store, null).putBundle(Fixtures.read(Fixtures.runBundle(LABEL)));
    String request =
        new String(Fixtures.read(Fixtures.request(LABEL)), StandardCharsets.UTF_8)
            .replace("\"manifest_name\": \"manifest.json\"", "\"manifest_name\": \"" + name + "\"");
    Path requestFile = Files.writeString(temp.resolve("request.json"), request);

    CliProcess.Result result =
        CliProcess.run(
            temp,
            "export",
            "--request",
            requestFile.toString(),
            "--runs",
            store.toString(),
            "--output-dir",
            "out");

    result.assertFailure(2, "invalid_request", message.replace("\"", "\\\""));
    assertEquals(false, Files.exists(temp.resolve("out")));
  }
}
