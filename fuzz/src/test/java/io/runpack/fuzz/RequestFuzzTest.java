package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.runpack.adapters.request.ExportRequestParser;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.in.ExportRunpackCommand;
import java.util.Set;

/**
 * Fuzzes the request parser every front end shares (strict JSON, the tool's input schema, the
 * domain's rules) with arbitrary bytes. Invariants: only invalid_request, invalid_json or
 * limit_exceeded; and an accepted request is a valid command (safe ids and manifest name).
 */
class RequestFuzzTest {

  private static final ExportRequestParser PARSER = new ExportRequestParser();
  private static final Set<ErrorCode> TYPED =
      Set.of(ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_JSON, ErrorCode.LIMIT_EXCEEDED);

  @FuzzTest(maxDuration = "10m")
  void requestHandlingIsTyped(byte[] input) {
    Bounded.run(() -> checkRequestHandlingIsTyped(input));
  }

  private static void checkRequestHandlingIsTyped(byte[] input) {
    ExportRunpackCommand command;
    try {
      command = PARSER.parse(input);
    } catch (RunpackException e) {
      assertTrue(TYPED.contains(e.code()), e.code() + ": " + e.getMessage());
      return;
    }
    assertTrue(command.tenantId() != 0 && command.namespaceId() != 0);
    assertTrue(RunpackPath.keySegmentProblem(command.runId()) == null);
    assertTrue(RunpackPath.keySegmentProblem(command.scenarioId()) == null);
    assertTrue(RunpackPath.problemWith(command.manifestName().value()) == null);
  }
}
