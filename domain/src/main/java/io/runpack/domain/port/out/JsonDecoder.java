package io.runpack.domain.port.out;

import io.runpack.domain.error.ErrorCode;
import io.runpack.json.JsonValue;

/**
 * Parses UTF-8 JSON into the domain's value model, keeping number lexemes.
 *
 * <p>Contract: rejects invalid JSON, trailing content and duplicate keys with {@link
 * ErrorCode#INVALID_JSON}, and input beyond its named limits (size, depth, string and number
 * length) with {@link ErrorCode#LIMIT_EXCEEDED}; the message says what and where.
 */
public interface JsonDecoder {

  JsonValue decode(byte[] utf8);
}
