package io.runpack.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import runpack.LambdaError;

/**
 * Every error code has its Lambda error class, whose name is the error type that ErrorCode (and so
 * the example workflow in infra/) names, with the envelope's text as message and no stack trace.
 */
class LambdaErrorTypesTest {

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void eachCodeIsThrownAsTheErrorTypeItNames(ErrorCode code) {
    LambdaError error = LambdaError.of(new RunpackException(code, "what happened"));

    assertEquals(code.lambdaErrorType(), error.getClass().getName());
    assertEquals(code.wireName() + ": what happened", error.getMessage());
    assertEquals(0, error.getStackTrace().length);
    assertNull(error.getCause());
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void noErrorTypeShadowsAJavaLangClass(ErrorCode code) {
    String simpleName =
        code.lambdaErrorType().substring(ErrorCode.LAMBDA_ERROR_PACKAGE.length() + 1);
    assertEquals(
        false,
        ClassLoader.getPlatformClassLoader().getResource("java/lang/" + simpleName + ".class")
            != null,
        simpleName + " would shadow java.lang." + simpleName);
  }
}
