package io.runpack.domain.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.runpack.domain.fake.FakeJsonDecoder;
import io.runpack.domain.fake.FakeRunpackReader;
import io.runpack.domain.fake.FakeStorage;
import io.runpack.domain.fake.Hashes;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.RunpackFile;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.ExportSettings;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * FORMAT §2.5: with {@code include_verification} the runpack is verified as it will be written; the
 * report becomes {@code artifacts/verifier_report.json}, listed last, with {@code checked_files} 7
 * (the report did not exist yet), and the root hash covers it. A failing report does not fail the
 * export. Without it there is no report.
 */
class ExportWithVerificationTest {

  private static final String REPORT = "artifacts/verifier_report.json";
  private static final String PASS = "{\"checked_files\":7,\"errors\":[],\"status\":\"pass\"}";

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void theReportIsWrittenLastWithSevenCheckedFiles() {
    FakeStorage storage = FakeStorage.local();
    ExportResult result = Exports.export(SmallRun.standard(), storage, true);
    List<RunpackFile> artifacts = storage.onlyPublication().artifacts();
    RunpackFile report = artifacts.get(artifacts.size() - 1);
    assertEquals(REPORT, report.path().value());
    assertEquals(PASS, text(report.bytes()));
    assertEquals(new VerificationReport(7, List.of()), result.report().orElseThrow());
    assertEquals(PASS, text(CanonicalJson.toBytes(result.toJson().get("report").orElseThrow())));
  }

  @Test
  void theManifestListsTheReportAndItsRootHashCoversIt() {
    FakeStorage storage = FakeStorage.local();
    Exports.export(SmallRun.standard(), storage, true);
    String expected =
        SmallRun.standard()
            .runpack()
            .plus(REPORT, "verifier_report", Hashes.utf8(PASS))
            .manifestText();
    assertEquals(expected, text(storage.onlyPublication().manifest().bytes()));
  }

  @Test
  void withoutVerificationThereIsNoReport() {
    FakeStorage storage = FakeStorage.local();
    ExportResult result = Exports.export(SmallRun.standard(), storage, false);
    assertEquals(Optional.empty(), result.report());
    assertEquals(7, storage.onlyPublication().artifacts().size());
    assertTrue(storage.files().keySet().stream().noneMatch(REPORT::equals));
  }

  @Test
  void aFailingReportIsWrittenAndDoesNotFailTheExport() {
    SmallRun run =
        SmallRun.standard()
            .with(
                "artifacts/decisions.json",
                "[{\"trigger_id\":\"t1\"},{\"trigger_id\":\"t1\"}]",
                "[{\"trigger_id\":\"t1\"},{\"trigger_id\":\"t1\"}]");
    FakeStorage storage = FakeStorage.local();
    ExportResult result = Exports.export(run, storage, true);
    assertEquals(
        new VerificationReport(7, List.of("duplicate decision for trigger t1")),
        result.report().orElseThrow());
    assertEquals(
        "{\"checked_files\":7,\"errors\":[\"duplicate decision for trigger t1\"],"
            + "\"status\":\"fail\"}",
        text(storage.files().get(REPORT)));
  }

  @Test
  void theConfiguredAnchorPolicyIsEnforcedInTheReport() {
    ExportSettings settings =
        new ExportSettings(
            Optional.empty(),
            Optional.of(
                new AnchorPolicy(
                    List.of(
                        new AnchorPolicy.Requirement(
                            "time", "trigger_time_logical", List.of("logical", "wall"))))));
    ExportResult result =
        Exports.export(SmallRun.standard(), FakeStorage.local(), settings, SmallRun.request(true));
    assertEquals(
        List.of(
            "anchor invalid for condition after (trigger t1, stage main): anchor field wall missing"),
        result.report().orElseThrow().errors());
  }

  @Test
  void theWrittenRunpackVerifiesOfflineCountingTheReport() {
    FakeStorage storage = FakeStorage.local();
    Exports.export(SmallRun.standard(), storage, true);
    VerificationReport offline =
        new VerifyRunpackService(new FakeJsonDecoder())
            .verify(
                new VerifyRunpackCommand(
                    new FakeRunpackReader(storage.files()), RunpackPath.of("manifest.json")));
    assertEquals(new VerificationReport(8, List.of()), offline);
  }
}
