package io.runpack.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.json.JsonLimits;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.RunpackJson;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import runpack.LambdaError;

/**
 * The Lambda entry point: one handler for three callers. A direct invocation's event is the
 * runpack_export input and its result the tool output, failures being Lambda errors typed by their
 * code ({@code runpack.InvalidRequest}, {@code runpack.RunNotFound}…). An API Gateway proxy event
 * (REST or HTTP API) gets a proxy response: 200 with the tool output, or an error status with
 * {@code {"error":{"code":…,"message":…}}}. No caller ever sees a stack trace, and every
 * invocation, whatever its event, gets exactly one audit record ({@link ExportEndpoint}).
 *
 * <p>An {@link Error} thrown while handling an invocation ends it as every defect does: {@code
 * internal_error} ({@code runpack.InternalFailure}, or a 500 response), logged in full for
 * operators, audited. Let through, it reached a runtime that does not answer with a typed error:
 * Quarkus's poll loop (dev mode, tests, a custom runtime) catches only {@link Exception}s, so its
 * thread ended, that invocation went unanswered and every later one hung in a JVM that looked
 * alive; AWS's Java runtime reports it untyped ({@code java.lang.OutOfMemoryError}, with its stack
 * trace) and exits. Not let through: the Error was thrown on the invocation's own thread and has
 * unwound it, so what it leaves is garbage, not a broken JVM; it is not silent (the ERROR line, the
 * audit record, the invocation counted as a function error or a 5xx). An Error thrown on any other
 * thread never reaches this handler and is not changed by it.
 */
@Named("runpack")
public class RunpackHandler implements RequestStreamHandler {

  private final ExportEndpoint endpoint;
  private final RunpackConfig config;
  private final JacksonJsonCodec eventCodec;

  public RunpackHandler(ExportEndpoint endpoint, RunpackConfig config) {
    this.endpoint = endpoint;
    this.config = config;
    this.eventCodec =
        new JacksonJsonCodec(
            JsonLimits.DEFAULTS.withMaxDocumentBytes(config.limits().maxEventBytes()));
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    long start = System.nanoTime();
    String requestId = context == null ? null : context.getAwsRequestId();
    byte[] event;
    try {
      event = input.readNBytes(config.limits().maxEventBytes() + 1);
    } catch (IOException unreadable) {
      event = null; // audited and refused as a direct invocation below
    }
    Optional<JsonObject> proxyEvent = event == null ? Optional.empty() : proxyEvent(event);
    if (proxyEvent.isPresent()) {
      output.write(api(proxyEvent.get(), requestId, start));
    } else {
      output.write(direct(event, requestId, start));
    }
  }

  /**
   * The event as an API Gateway proxy event, or empty: anything else (not JSON, too large, another
   * shape) is a direct invocation whose event is the request, judged by the request parser.
   */
  private Optional<JsonObject> proxyEvent(byte[] event) {
    try {
      JsonValue parsed = eventCodec.decode(event);
      return ApiGatewayEvents.isProxyEvent(parsed)
          ? Optional.of((JsonObject) parsed)
          : Optional.empty();
    } catch (RunpackException notAnApiGatewayEvent) {
      return Optional.empty();
    }
  }

  private byte[] direct(byte[] event, String requestId, long start) {
    Invocation invocation = new Invocation(requestId, start, Caller.direct());
    try {
      return RunpackJson.toBytes(endpoint.export(invocation, () -> readable(event)).toJson());
    } catch (RunpackException e) {
      throw LambdaError.of(e);
    } catch (RuntimeException | Error e) {
      throw LambdaError.of(ExportEndpoint.internal(e, requestId));
    }
  }

  private byte[] api(JsonObject event, String requestId, long start) {
    Caller caller =
        AuthorizerClaims.caller(
            event, config.api().tenantClaim(), config.api().trustMissingTenant());
    Invocation invocation = new Invocation(requestId, start, caller);
    try {
      return ApiGatewayEvents.response(
          200, endpoint.export(invocation, () -> ApiGatewayEvents.body(event)).toJson());
    } catch (RunpackException e) {
      return ApiGatewayEvents.errorResponse(e);
    } catch (RuntimeException | Error e) {
      return ApiGatewayEvents.errorResponse(ExportEndpoint.internal(e, requestId));
    }
  }

  private static byte[] readable(byte[] event) {
    if (event == null) {
      throw new RunpackException(ErrorCode.INTERNAL_ERROR, "the event could not be read");
    }
    return event;
  }
}
