package io.runpack.cli;

import io.runpack.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which form of {@code export} a command line is: Runpack's ({@code --request}) or Decision Gate's
 * ({@code --spec} and {@code --state}). A mixture, or a form without what it needs, is refused as
 * invalid input ({@code invalid_request}, exit 2) naming the option, before anything is read.
 */
final class ExportForms {

  private ExportForms() {}

  static void requireDecisionGateForm(ExportCommand export) {
    if (export.request != null) {
      throw refused(
          "--request cannot be combined with --spec/--state: give either --request (Runpack's"
              + " form) or --spec and --state (Decision Gate's form)");
    }
    if (export.decisionGate.spec == null) {
      throw refused("--state needs --spec (Decision Gate's form)");
    }
    if (export.decisionGate.state == null) {
      throw refused("--spec needs --state (Decision Gate's form)");
    }
    List<String> others = requestFormOptions(export);
    if (!others.isEmpty()) {
      throw refused(others.get(0) + " is not used with --spec/--state (Decision Gate's form)");
    }
    if (export.target.outputDir == null) {
      throw refused("--spec/--state needs --output-dir (Decision Gate's form)");
    }
  }

  static void requireRequestForm(ExportCommand export) {
    if (export.request == null) {
      throw refused(
          "export needs --request FILE (Runpack's form) or --spec FILE --state FILE --output-dir"
              + " DIR (Decision Gate's form)");
    }
    export
        .decisionGate
        .firstOwnOption()
        .ifPresent(
            option -> {
              throw refused(
                  option + " is only for Decision Gate's form (--spec/--state), not --request");
            });
  }

  /** Options of Runpack's form that are given, in the order of the synopsis. */
  private static List<String> requestFormOptions(ExportCommand export) {
    List<String> given = new ArrayList<>();
    if (export.source.runs != null) {
      given.add("--runs");
    }
    if (export.source.table != null) {
      given.add("--table");
    }
    if (export.target.bucket != null) {
      given.add("--bucket");
    }
    if (export.rootPrefix != null) {
      given.add("--root-prefix");
    }
    if (export.writeOnce) {
      given.add("--write-once");
    }
    if (export.region != null) {
      given.add("--region");
    }
    if (export.namespaceAuthority != null) {
      given.add("--namespace-authority");
    }
    if (export.devPermissive) {
      given.add("--dev-permissive");
    }
    if (export.signingKey != null) {
      given.add("--signing-key");
    }
    return given;
  }

  private static Failures.InvalidInput refused(String message) {
    return Failures.invalidInput(ErrorCode.INVALID_REQUEST, message);
  }
}
