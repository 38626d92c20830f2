package io.runpack.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.json.JsonLimits;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.CanonicalJson;
import io.runpack.domain.json.JsonObject;
import io.runpack.domain.json.JsonValue;
import io.runpack.domain.port.in.ExportResult;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import org.jboss.logging.Logger;
import runpack.LambdaError;

/**
 * The Lambda entry point: one handler for three callers. A direct invocation's event is the
 * runpack_export input and its result the tool output, failures being Lambda errors typed by their
 * class name ({@code InvalidRequest}, {@code RunNotFound}…). An API Gateway proxy event (REST or
 * HTTP API) gets a proxy response: 200 with the tool output, or an error status with {@code
 * {"error":{"code":…,"message":…}}}. No caller ever sees a stack trace.
 */
@Named("runpack")
public class RunpackHandler implements RequestStreamHandler {

  private static final Logger LOG = Logger.getLogger(RunpackHandler.class);

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
    String requestId = context == null ? null : context.getAwsRequestId();
    byte[] event = input.readNBytes(config.limits().maxEventBytes() + 1);
    Optional<JsonObject> proxyEvent = proxyEvent(event);
    if (proxyEvent.isPresent()) {
      output.write(api(proxyEvent.get(), requestId));
    } else {
      output.write(direct(event, requestId));
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

  private byte[] direct(byte[] event, String requestId) {
    try {
      return CanonicalJson.toBytes(endpoint.export(event, Caller.direct(), requestId).toJson());
    } catch (RunpackException e) {
      throw LambdaError.of(e);
    } catch (RuntimeException e) {
      throw LambdaError.of(internal(e, requestId));
    }
  }

  private byte[] api(JsonObject event, String requestId) {
    try {
      byte[] body = ApiGatewayEvents.body(event);
      ExportResult result = endpoint.export(body, caller(event), requestId);
      return ApiGatewayEvents.response(200, result.toJson());
    } catch (RunpackException e) {
      return ApiGatewayEvents.errorResponse(e);
    } catch (RuntimeException e) {
      return ApiGatewayEvents.errorResponse(internal(e, requestId));
    }
  }

  private Caller caller(JsonObject event) {
    String claim = config.api().tenantClaim();
    return ApiGatewayEvents.tenantClaim(event, claim)
        .map(Caller::apiTenant)
        .orElseGet(
            () ->
                config.api().trustMissingTenant()
                    ? Caller.apiTrusted()
                    : Caller.apiWithoutTenant(
                        "the caller's tenant is unknown: no "
                            + claim
                            + " in the authorizer context"));
  }

  /** A defect: logged in full for operators, reported to the caller without details. */
  private static RunpackException internal(RuntimeException e, String requestId) {
    LOG.errorf(e, "unexpected failure in request %s", requestId);
    return new RunpackException(
        ErrorCode.INTERNAL_ERROR, "unexpected failure (request " + requestId + ")");
  }
}
