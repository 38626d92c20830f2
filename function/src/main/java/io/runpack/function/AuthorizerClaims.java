package io.runpack.function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.json.JsonNull;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The caller of an API Gateway proxy event: its tenant claim, read from exactly one authorizer
 * source chosen by the event's shape, and its principal.
 *
 * <ul>
 *   <li>HTTP API (payload 2.0): a JWT authorizer's {@code requestContext.authorizer.jwt.claims}, or
 *       a Lambda authorizer's {@code requestContext.authorizer.lambda}; both at once is malformed.
 *   <li>REST API (payload 1.0): a Cognito/JWT authorizer's {@code
 *       requestContext.authorizer.claims}, else a Lambda authorizer's context, {@code
 *       requestContext.authorizer} itself.
 * </ul>
 *
 * <p>Guarantees: no other source is ever read; the claim appearing in another source, or any of
 * these sources not being an object, makes the claim malformed (never "missing", so never trusted);
 * the value is judged by {@link TenantClaimValue}. Never throws: any shape yields a {@link Caller}.
 * Text kept from the event (principal, request id, the malformed claim) is bounded by {@link
 * #MAX_TEXT}.
 */
final class AuthorizerClaims {

  /** Longest text, in code points, kept from the event for the audit record. */
  static final int MAX_TEXT = 256;

  private static final String AUTHORIZER = "requestContext.authorizer";
  private static final JsonFactory JSON = new JsonFactory();

  private AuthorizerClaims() {}

  /** The caller of a proxy event ({@link ApiGatewayEvents#isProxyEvent}). */
  static Caller caller(JsonObject event, String claimName, boolean trustMissing) {
    Caller.Kind kind = ApiGatewayEvents.kind(event);
    JsonObject context = object(event.members().get("requestContext"));
    Optional<String> requestId = text(context.members().get("requestId"));
    JsonValue authorizerValue = context.members().get("authorizer");
    JsonObject authorizer = object(authorizerValue);
    Caller.Claim claim;
    Optional<String> principal = Optional.empty();
    if (kind == Caller.Kind.UNKNOWN_API) {
      claim =
          malformed(
              Optional.empty(),
              "the event is neither a REST API (payload 1.0) nor an HTTP API (payload 2.0) event");
    } else if (!isObjectOrAbsent(authorizerValue)) {
      claim = malformed(Optional.of(AUTHORIZER), AUTHORIZER + " is not an object");
    } else {
      Map<String, JsonValue> sources = sources(authorizer);
      Optional<String> chosen =
          kind == Caller.Kind.HTTP_API ? httpApiSource(authorizer) : restApiSource(authorizer);
      claim = claim(sources, chosen, claimName, trustMissing, kind);
      principal = principal(kind, context, authorizer, chosen.map(sources::get));
    }
    return new Caller(kind, claim, principal, requestId);
  }

  /** Every place a tenant claim could be, by name; absent ones map to null. */
  private static Map<String, JsonValue> sources(JsonObject authorizer) {
    Map<String, JsonValue> sources = new LinkedHashMap<>();
    JsonValue jwt = authorizer.members().get("jwt");
    sources.put(AUTHORIZER + ".jwt.claims", object(jwt).members().get("claims"));
    sources.put(AUTHORIZER + ".lambda", authorizer.members().get("lambda"));
    sources.put(AUTHORIZER + ".claims", authorizer.members().get("claims"));
    sources.put(AUTHORIZER, authorizer);
    sources.put(AUTHORIZER + ".jwt", jwt);
    return sources;
  }

  /** HTTP API: the JWT claims or the Lambda context, whichever is there; "" when both are. */
  private static Optional<String> httpApiSource(JsonObject authorizer) {
    boolean jwt = present(authorizer.members().get("jwt"));
    boolean lambda = present(authorizer.members().get("lambda"));
    if (jwt && lambda) {
      return Optional.of("");
    }
    if (jwt) {
      return Optional.of(AUTHORIZER + ".jwt.claims");
    }
    return lambda ? Optional.of(AUTHORIZER + ".lambda") : Optional.empty();
  }

  /** REST API: the Cognito/JWT claims when there are any, else the Lambda authorizer's context. */
  private static Optional<String> restApiSource(JsonObject authorizer) {
    return Optional.of(
        present(authorizer.members().get("claims")) ? AUTHORIZER + ".claims" : AUTHORIZER);
  }

  private static Caller.Claim claim(
      Map<String, JsonValue> sources,
      Optional<String> chosen,
      String name,
      boolean trustMissing,
      Caller.Kind kind) {
    if (chosen.isPresent() && chosen.get().isEmpty()) {
      return malformed(
          Optional.of(AUTHORIZER), "both a JWT and a Lambda authorizer context are present");
    }
    for (Map.Entry<String, JsonValue> source : sources.entrySet()) {
      if (!isObjectOrAbsent(source.getValue())) {
        return malformed(chosen, source.getKey() + " is not an object");
      }
    }
    for (Map.Entry<String, JsonValue> source : sources.entrySet()) {
      boolean isChosen = chosen.isPresent() && chosen.get().equals(source.getKey());
      if (!isChosen && object(source.getValue()).members().containsKey(name)) {
        return malformed(
            chosen,
            name
                + " is in "
                + source.getKey()
                + ", but "
                + (kind == Caller.Kind.HTTP_API ? "this HTTP API event's" : "this REST API event's")
                + " claims are read from "
                + chosen.orElse("a JWT or Lambda authorizer context")
                + " only");
      }
    }
    JsonValue value = chosen.map(c -> object(sources.get(c)).members().get(name)).orElse(null);
    if (value == null) {
      return new Caller.Missing(chosen, name, trustMissing);
    }
    String problem = TenantClaimValue.problem(value);
    if (problem != null) {
      return new Caller.Malformed(
          chosen,
          name + " in " + chosen.get() + " " + problem + "; " + TenantClaimValue.RULE,
          asSent(value));
    }
    return new Caller.Valid(chosen, TenantClaimValue.tenant(value));
  }

  /**
   * Who the authorizer says the caller is: the JWT's {@code sub}, a Lambda authorizer's {@code
   * principalId}, or without an authorizer source the IAM caller's ARN. Descriptive only: never
   * used to decide anything.
   */
  private static Optional<String> principal(
      Caller.Kind kind, JsonObject context, JsonObject authorizer, Optional<JsonValue> source) {
    if (source.isPresent()) {
      JsonObject claims = object(source.get());
      return text(claims.members().get("sub")).or(() -> text(claims.members().get("principalId")));
    }
    JsonObject iam =
        kind == Caller.Kind.HTTP_API
            ? object(authorizer.members().get("iam"))
            : object(context.members().get("identity"));
    return text(iam.members().get("userArn"));
  }

  private static Caller.Claim malformed(Optional<String> source, String problem) {
    return new Caller.Malformed(source, problem, Optional.empty());
  }

  /** The claim's JSON text as sent (numbers keep their lexeme: {@code 2.0}), bounded. */
  private static Optional<String> asSent(JsonValue value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(text)) {
      JacksonJsonCodec.write(value, generator);
    } catch (IOException cannotHappenWithAStringWriter) {
      throw new UncheckedIOException(cannotHappenWithAStringWriter);
    }
    return Optional.of(bounded(text.toString()));
  }

  private static Optional<String> text(JsonValue value) {
    return value instanceof JsonString string
        ? Optional.of(bounded(string.value()))
        : Optional.empty();
  }

  /** At most {@link #MAX_TEXT} code points, marked with "..." when cut. */
  static String bounded(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_TEXT) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_TEXT)) + "...";
  }

  private static boolean present(JsonValue value) {
    return value != null && value != JsonNull.INSTANCE;
  }

  private static boolean isObjectOrAbsent(JsonValue value) {
    return !present(value) || value instanceof JsonObject;
  }

  private static JsonObject object(JsonValue value) {
    return value instanceof JsonObject object ? object : JsonObject.EMPTY;
  }
}
