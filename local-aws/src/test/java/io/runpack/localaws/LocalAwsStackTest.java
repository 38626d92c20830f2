package io.runpack.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.runpack.testsupport.LocalAws;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** The local stack's servers: started on ports they chose, ready when they say so. */
class LocalAwsStackTest {

  @Test
  void twoStacksStartedAtOnceServeEachOnItsOwnPorts() {
    CompletableFuture<LocalAwsStack> first = CompletableFuture.supplyAsync(() -> start());
    CompletableFuture<LocalAwsStack> second = CompletableFuture.supplyAsync(() -> start());
    try (LocalAwsStack one = first.join();
        LocalAwsStack two = second.join();
        S3Client s3One = LocalAws.s3(one.s3Endpoint(), List.of(), 0);
        S3Client s3Two = LocalAws.s3(two.s3Endpoint(), List.of(), 0);
        DynamoDbClient dynamoDbOne = LocalAws.dynamoDb(one.dynamoDbEndpoint(), List.of());
        DynamoDbClient dynamoDbTwo = LocalAws.dynamoDb(two.dynamoDbEndpoint(), List.of())) {
      Set<String> endpoints =
          Set.of(
              one.s3Endpoint().toString(),
              two.s3Endpoint().toString(),
              one.dynamoDbEndpoint().toString(),
              two.dynamoDbEndpoint().toString());
      assertEquals(4, endpoints.size(), endpoints.toString());

      one.createBucket("only-in-one");
      s3One.headBucket(b -> b.bucket("only-in-one"));
      assertThrows(
          NoSuchBucketException.class, () -> s3Two.headBucket(b -> b.bucket("only-in-one")));
      assertEquals(List.of(), dynamoDbOne.listTables().tableNames());
      assertEquals(List.of(), dynamoDbTwo.listTables().tableNames());
    }
  }

  @Test
  void s3AnswersOnLoopbackOnlyNotOnTheMachinesOtherAddresses() throws Exception {
    InetAddress other = anAddressOtherThanLoopback();
    assumeTrue(other != null, "this machine has an address other than loopback");
    try (LocalAwsStack stack = start();
        S3Client s3 = LocalAws.s3(stack.s3Endpoint(), List.of(), 0)) {
      stack.createBucket("here");
      s3.headBucket(b -> b.bucket("here"));

      int port = stack.s3Endpoint().getPort();
      assertThrows(
          ConnectException.class,
          () -> {
            try (Socket socket = new Socket()) {
              socket.connect(new InetSocketAddress(other, port), 5_000);
            }
          },
          "S3 answered on " + other + ":" + port);
    }
  }

  /** An address of an interface that is up and not loopback, IPv4 first; null if none. */
  private static InetAddress anAddressOtherThanLoopback() throws SocketException {
    List<InetAddress> found = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        found.addAll(Collections.list(nic.getInetAddresses()));
      }
    }
    return found.stream()
        .filter(a -> !a.isLinkLocalAddress())
        .min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1))
        .orElse(null);
  }

  @Test
  void aServerThatExitsWhileStartingFailsWithItsLog(@TempDir Path dir) {
    ManagedProcess server =
        new ManagedProcess(
            "doomed",
            List.of("node", "-e", "console.log('no port for me'); process.exit(3)"),
            dir.resolve("doomed.log"),
            Pattern.compile("port (\\d+)"),
            Pattern.compile("port (\\d+)"));
    IllegalStateException failure = assertThrows(IllegalStateException.class, server::start);
    assertTrue(failure.getMessage().startsWith("doomed exited with 3 while starting:\n"));
    assertTrue(failure.getMessage().endsWith("no port for me"), failure.getMessage());
    assertThrows(IllegalStateException.class, server::port);
  }

  @Test
  void theServerIsNotReadyUntilItsLogSaysSo(@TempDir Path dir) throws Exception {
    ManagedProcess server =
        new ManagedProcess(
            "slow",
            List.of(
                "node",
                "-e",
                "console.log('bound to port 4321');"
                    + " setTimeout(() => console.log('ready'), 1500);"
                    + " setTimeout(() => {}, 60000);"),
            dir.resolve("slow.log"),
            Pattern.compile("port (\\d+)"),
            Pattern.compile("^ready$", Pattern.MULTILINE));
    long start = System.nanoTime();
    try {
      server.start();
      assertTrue(System.nanoTime() - start >= 1_400_000_000L, "returned before the ready line");
      assertEquals(4321, server.port());
      assertTrue(Files.readString(dir.resolve("slow.log")).contains("ready"));
    } finally {
      server.stop();
    }
  }

  private static LocalAwsStack start() {
    return LocalAwsStack.start(0, 0);
  }
}
