package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.function.RequestValidator;
import io.runpack.function.RunpackConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Fuzzes the function's request handling (strict JSON, the tool's input schema, the domain's rules)
 * with arbitrary bytes. Invariants: only invalid_request, invalid_json or limit_exceeded; and an
 * accepted request is a valid command (safe ids and manifest name).
 */
class RequestFuzzTest {

  private static final RequestValidator VALIDATOR = new RequestValidator(new DefaultConfig());
  private static final Set<ErrorCode> TYPED =
      Set.of(ErrorCode.INVALID_REQUEST, ErrorCode.INVALID_JSON, ErrorCode.LIMIT_EXCEEDED);

  @FuzzTest(maxDuration = "10m")
  void requestHandlingIsTyped(byte[] input) {
    Bounded.run(() -> checkRequestHandlingIsTyped(input));
  }

  private static void checkRequestHandlingIsTyped(byte[] input) {
    ExportRunpackCommand command;
    try {
      command = VALIDATOR.validate(input);
    } catch (RunpackException e) {
      assertTrue(TYPED.contains(e.code()), e.code() + ": " + e.getMessage());
      return;
    }
    assertTrue(command.tenantId() != 0 && command.namespaceId() != 0);
    assertTrue(RunpackPath.keySegmentProblem(command.runId()) == null);
    assertTrue(RunpackPath.keySegmentProblem(command.scenarioId()) == null);
    assertTrue(RunpackPath.problemWith(command.manifestName().value()) == null);
  }

  /** The function's defaults, as application.properties leaves them. */
  static final class DefaultConfig implements RunpackConfig {
    @Override
    public Store store() {
      return Store.dynamodb;
    }

    @Override
    public Sink sink() {
      return Sink.s3;
    }

    @Override
    public Optional<String> table() {
      return Optional.of("t");
    }

    @Override
    public Optional<String> bucket() {
      return Optional.of("b");
    }

    @Override
    public Optional<String> rootPrefix() {
      return Optional.empty();
    }

    @Override
    public boolean writeOnce() {
      return false;
    }

    @Override
    public Optional<String> anchorPolicy() {
      return Optional.empty();
    }

    @Override
    public Filesystem filesystem() {
      return new Filesystem() {
        @Override
        public Optional<Path> runsDir() {
          return Optional.empty();
        }

        @Override
        public Path outputBase() {
          return Path.of("/tmp");
        }
      };
    }

    @Override
    public Security security() {
      return new Security() {
        @Override
        public Optional<String> namespaceAuthority() {
          return Optional.empty();
        }

        @Override
        public boolean devPermissive() {
          return false;
        }
      };
    }

    @Override
    public Api api() {
      return new Api() {
        @Override
        public String tenantClaim() {
          return "tenant_id";
        }

        @Override
        public boolean trustMissingTenant() {
          return false;
        }
      };
    }

    @Override
    public Limits limits() {
      return new Limits() {
        @Override
        public int maxEventBytes() {
          return 6291456;
        }

        @Override
        public int maxRequestBytes() {
          return 65536;
        }
      };
    }
  }
}
