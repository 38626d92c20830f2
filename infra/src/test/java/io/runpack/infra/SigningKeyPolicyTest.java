package io.runpack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * The signing key's own policy (a review found CDK's default, {@code kms:*} for the account root
 * with no condition: any principal whose IAM policy allows kms:Sign could sign runpacks): the
 * account keeps the key, and kms:Sign is denied to every principal but the function's role.
 */
class SigningKeyPolicyTest {

  static final String SIGN = "kms:Sign";

  static final Template DEFAULT = StackFixture.template(StackOptions.DEFAULTS);
  static final Template KMS_AND_LOCK =
      StackFixture.template(StackOptions.DEFAULTS.withKms().withObjectLock(30));

  @Test
  void noStatementLetsAnyoneButTheFunctionRoleSignWithoutTheDenyInForce() {
    for (Template template : List.of(DEFAULT, KMS_AND_LOCK)) {
      List<Map<String, Object>> statements = signingKeyPolicy(template);
      String role = functionRole(template);
      List<Map<String, Object>> allowsSigning =
          statements.stream()
              .filter(s -> "Allow".equals(s.get("Effect")) && coversSign(s.get("Action")))
              .toList();
      List<Map<String, Object>> denies =
          statements.stream()
              .filter(s -> "Deny".equals(s.get("Effect")) && coversSign(s.get("Action")))
              .toList();

      assertFalse(allowsSigning.isEmpty(), "the account's delegation: " + statements);
      assertEquals(1, denies.size(), statements.toString());
      Map<String, Object> deny = denies.get(0);
      assertEquals(Map.of("AWS", "*"), deny.get("Principal"), deny.toString());
      assertEquals("*", deny.get("Resource"), deny.toString());
      assertEquals(
          Map.of(
              "StringNotEquals",
              Map.of("aws:PrincipalArn", Map.of("Fn::GetAtt", List.of(role, "Arn")))),
          deny.get("Condition"),
          "denied to every principal but the function's role: " + deny);
      assertFalse(deny.containsKey("NotPrincipal"), deny.toString());
      assertFalse(deny.containsKey("NotAction"), deny.toString());
    }
  }

  @Test
  void theAccountKeepsTheKeyAndMayStillReadItAndVerify() {
    List<Map<String, Object>> statements = signingKeyPolicy(DEFAULT);
    Map<String, Object> root =
        statements.stream()
            .filter(s -> "Allow".equals(s.get("Effect")) && "kms:*".equals(s.get("Action")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no root delegation: " + statements));
    assertTrue(root.get("Principal").toString().contains(":root"), root.toString());
    assertFalse(root.containsKey("Condition"), root.toString());
    for (Map<String, Object> deny :
        statements.stream().filter(s -> "Deny".equals(s.get("Effect"))).toList()) {
      assertEquals(SIGN, deny.get("Action"), "nothing but kms:Sign is denied");
    }
  }

  @Test
  void keyAndRoleDoNotDependOnEachOther() {
    for (Template template : List.of(DEFAULT, KMS_AND_LOCK)) {
      Map<String, Set<String>> dependencies = dependencies(template);
      String key = signingKey(template);
      String role = functionRole(template);
      assertTrue(dependencies.get(key).contains(role), "the key policy names the role");
      assertEquals(List.of(), cycle(dependencies), "no dependency cycle in the template");
    }
  }

  /** True when an IAM action (or list of them), wildcards and case as IAM reads them, is Sign. */
  static boolean coversSign(Object actions) {
    List<?> list = actions instanceof List<?> l ? l : List.of(actions);
    for (Object action : list) {
      String regex = ("\\Q" + action + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
      if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(SIGN).matches()) {
        return true;
      }
    }
    return false;
  }

  static String signingKey(Template template) {
    List<String> keys =
        template.findResources("AWS::KMS::Key").entrySet().stream()
            .filter(e -> e.getValue().toString().contains("SIGN_VERIFY"))
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(1, keys.size(), keys.toString());
    return keys.get(0);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> signingKeyPolicy(Template template) {
    Map<String, Object> key = template.findResources("AWS::KMS::Key").get(signingKey(template));
    Map<String, Object> properties = (Map<String, Object>) key.get("Properties");
    Map<String, Object> policy = (Map<String, Object>) properties.get("KeyPolicy");
    return (List<Map<String, Object>>) policy.get("Statement");
  }

  /** The role the function runs as (its Role property), by logical id. */
  @SuppressWarnings("unchecked")
  static String functionRole(Template template) {
    Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
    assertEquals(1, functions.size());
    Map<String, Object> properties =
        (Map<String, Object>) functions.values().iterator().next().get("Properties");
    List<Object> getAtt =
        (List<Object>) ((Map<String, Object>) properties.get("Role")).get("Fn::GetAtt");
    return (String) getAtt.get(0);
  }

  /** Logical id to the logical ids it references (Ref, Fn::GetAtt, DependsOn). */
  @SuppressWarnings("unchecked")
  static Map<String, Set<String>> dependencies(Template template) {
    Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
    Map<String, Set<String>> dependencies = new HashMap<>();
    for (Map.Entry<String, Object> resource : resources.entrySet()) {
      Set<String> referenced = new HashSet<>();
      collect(resource.getValue(), resources.keySet(), referenced);
      dependencies.put(resource.getKey(), referenced);
    }
    return dependencies;
  }

  private static void collect(Object node, Set<String> ids, Set<String> into) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object value = entry.getValue();
        switch (String.valueOf(entry.getKey())) {
          case "Ref" -> addIfResource(value, ids, into);
          case "Fn::GetAtt" ->
              addIfResource(value instanceof List<?> l ? l.get(0) : value, ids, into);
          case "DependsOn" -> {
            for (Object id : value instanceof List<?> l ? l : List.of(value)) {
              addIfResource(id, ids, into);
            }
          }
          default -> collect(value, ids, into);
        }
      }
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collect(item, ids, into));
    }
  }

  private static void addIfResource(Object id, Set<String> ids, Set<String> into) {
    if (id instanceof String s && ids.contains(s.split("\\.")[0])) {
      into.add(s.split("\\.")[0]);
    }
  }

  /** A cycle of logical ids, or the empty list. */
  static List<String> cycle(Map<String, Set<String>> dependencies) {
    Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
    for (String start : dependencies.keySet()) {
      List<String> path = new ArrayList<>();
      if (visit(start, dependencies, state, path)) {
        return path;
      }
    }
    return List.of();
  }

  private static boolean visit(
      String id,
      Map<String, Set<String>> dependencies,
      Map<String, Integer> state,
      List<String> path) {
    Integer seen = state.get(id);
    if (seen != null) {
      if (seen == 1) {
        path.add(id);
        return true;
      }
      return false;
    }
    state.put(id, 1);
    path.add(id);
    for (String next : dependencies.getOrDefault(id, Set.of())) {
      if (visit(next, dependencies, state, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
    return false;
  }
}
