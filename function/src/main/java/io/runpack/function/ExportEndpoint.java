package io.runpack.function;

import io.runpack.adapters.request.ExportRequestParser;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.OneLine;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.port.in.ExportRunpackUseCase;
import jakarta.inject.Singleton;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * What every invocation of the function goes through, in this order: the tenant check's first half
 * (an API caller without a usable tenant claim is refused before its body is even decoded), reading
 * the body, validating the request, the tenant check's second half (the claimed tenant must be the
 * requested one), the export. Exactly one audit record either way.
 *
 * <p>A defect (anything but a {@link RunpackException}) is logged on one escaped line for operators
 * and reported as {@link ErrorCode#INTERNAL_ERROR} without details. An {@link Error} thrown while
 * exporting (an {@link OutOfMemoryError}, a {@link StackOverflowError}) is such a defect too: it
 * was thrown on this invocation's thread and has unwound it (the load's own threads are ended
 * before the load returns), so it gets its audit record and its typed answer like any other, and
 * the function goes on serving; one let through ended the poll loop of Quarkus's Lambda runtime,
 * which catches only {@link Exception}s, and with it every later invocation (see {@link
 * RunpackHandler}).
 */
@Singleton
public class ExportEndpoint {

  private static final Logger LOG = Logger.getLogger(ExportEndpoint.class);

  /** The request's bytes, read only once the caller has passed the first half of the check. */
  @FunctionalInterface
  interface RequestBody {
    byte[] read();
  }

  private final ExportRequestParser parser;
  private final ExportRunpackUseCase exporter;

  public ExportEndpoint(ExportRequestParser parser, ExportRunpackUseCase exporter) {
    this.parser = parser;
    this.exporter = exporter;
  }

  ExportResult export(Invocation invocation, RequestBody body) {
    Caller caller = invocation.caller();
    TenantCheck check = caller.admission();
    Optional<ExportRunpackCommand> command = Optional.empty();
    try {
      if (check.denied()) {
        throw caller.refusal(0);
      }
      command = Optional.of(parser.parse(body.read()));
      long tenant = command.get().tenantId();
      check = caller.decide(tenant);
      if (check.denied()) {
        throw caller.refusal(tenant);
      }
      ExportResult result = exporter.export(command.get());
      AuditLog.exported(invocation, check, command.get(), result);
      return result;
    } catch (RunpackException failure) {
      AuditLog.failed(invocation, check, command, failure);
      throw failure;
    } catch (RuntimeException | Error defect) {
      RunpackException failure = internal(defect, invocation.requestId());
      AuditLog.failed(invocation, check, command, failure);
      throw failure;
    }
  }

  /** A defect: logged in full for operators, on one line; reported without details. */
  static RunpackException internal(Throwable defect, String requestId) {
    StringWriter trace = new StringWriter();
    defect.printStackTrace(new PrintWriter(trace));
    LOG.error(
        "unexpected failure in request "
            + OneLine.escape(requestId)
            + ": "
            + OneLine.escape(trace.toString()));
    return new RunpackException(
        ErrorCode.INTERNAL_ERROR, "unexpected failure (request " + requestId + ")");
  }
}
