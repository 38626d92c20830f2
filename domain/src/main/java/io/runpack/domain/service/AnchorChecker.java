package io.runpack.domain.service;

import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.RunLog;
import io.runpack.json.Canonicalizer;
import io.runpack.json.JsonException;
import io.runpack.json.JsonStream;
import io.runpack.json.JsonStream.Token;
import java.util.HashMap;
import java.util.Map;

/**
 * The evidence-anchor check of the verifier (FORMAT §3.5): every successful evidence result of a
 * provider the policy names must carry an anchor of the required type whose value is canonical JSON
 * of an object with the required fields set to strings or numbers.
 *
 * <p>The messages are Decision Gate's. Reading the scenario spec and the gate-eval log (at their
 * fixed paths, as the decision log) can fail too; those failures are reported the way the decision
 * log's are: {@code <what> read failed: <reason>} and {@code invalid <what>: <reason>}. Both files
 * are read as streams ({@link JsonStream}) and each requirement is found by lookup, so the work is
 * linear in the bytes of the files and of the policy, and memory proportional to their ids.
 */
final class AnchorChecker {

  private AnchorChecker() {}

  static void check(AnchorPolicy policy, RunpackFiles files, ReportErrors errors) {
    byte[] spec = checkedJson(files, RunLog.SCENARIO_SPEC_PATH, "scenario spec", errors);
    byte[] gateEvals = checkedJson(files, RunLog.GATE_EVALS.path(), "gate eval log", errors);
    if (spec == null || gateEvals == null) {
      return;
    }
    try {
      Map<String, String> providers = SpecConditions.providers(spec);
      files.release(RunLog.SCENARIO_SPEC_PATH);
      Map<String, AnchorRequirement> requirements = new HashMap<>();
      Canonicalizer canonicalizer = new Canonicalizer(); // reused for every anchor value
      for (AnchorPolicy.Requirement requirement : policy.providers()) {
        requirements.putIfAbsent(
            requirement.providerId(), new AnchorRequirement(requirement, canonicalizer));
      }
      JsonStream records = JsonStream.of(gateEvals);
      if (records.next() != Token.START_ARRAY) {
        throw new RunpackException(
            io.runpack.domain.error.ErrorCode.INVALID_JSON,
            "gate eval log must be an array, not " + records.token().typeName());
      }
      for (int r = 0; records.next() != Token.END_ARRAY; r++) {
        StreamedObject record =
            StreamedObject.read(
                records, "gate_evals[" + r + "]", "trigger_id", "stage_id", "evidence");
        checkRecord(gateEvals, record, providers, requirements, errors);
      }
    } catch (RunpackException
        | JsonException e) { // the streams read checked JSON: never a JsonException
      errors.add("invalid anchor inputs: " + e.getMessage());
    }
  }

  private static void checkRecord(
      byte[] gateEvals,
      StreamedObject record,
      Map<String, String> providers,
      Map<String, AnchorRequirement> requirements,
      ReportErrors errors) {
    String triggerId = record.string("trigger_id");
    String stageId = record.string("stage_id");
    JsonStream evidence = JsonStream.valueAt(gateEvals, record.arrayAt("evidence"));
    evidence.next();
    for (int e = 0; evidence.next() != Token.END_ARRAY; e++) {
      StreamedObject item =
          StreamedObject.read(
              evidence, record.path() + ".evidence[" + e + "]", "condition_id", "result");
      String conditionId = item.string("condition_id");
      StreamedObject result =
          StreamedObject.at(
              gateEvals,
              item.objectAt("result"),
              item.path() + ".result",
              "error",
              "evidence_anchor");
      StreamedObject.Member error = result.member("error");
      if (error != null && error.token() != Token.NULL) {
        continue;
      }
      String where = "(trigger " + triggerId + ", stage " + stageId + ")";
      String providerId = providers.get(conditionId);
      if (providerId == null) {
        errors.add("condition " + conditionId + " missing from scenario spec " + where);
        continue;
      }
      AnchorRequirement requirement = requirements.get(providerId);
      if (requirement == null) {
        continue;
      }
      String why = requirement.problemWith(gateEvals, result.member("evidence_anchor"));
      if (why != null) {
        errors.add("anchor invalid for condition " + conditionId + " " + where + ": " + why);
      }
    }
  }

  /** The bytes of a file the check parses, once they are known to be JSON; else null, reported. */
  private static byte[] checkedJson(
      RunpackFiles files, String path, String what, ReportErrors errors) {
    RunpackFiles.Content content = files.content(path);
    if (content.failure() != null) {
      errors.add(what + " read failed: " + content.failure());
      return null;
    }
    try {
      RunpackJson.check(content.bytes());
    } catch (RunpackException e) {
      errors.add("invalid " + what + ": " + e.getMessage());
      return null;
    }
    return content.bytes();
  }
}
