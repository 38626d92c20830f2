package io.runpack.adapters.dynamodb;

import io.runpack.domain.model.RunLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The Queries that read a run's partition ({@link RunLogTable}): its first page, and the rest of it
 * cut where each log starts, so that the pieces can be read at the same time.
 *
 * <p>Guarantees: every request is strongly consistent; the ranges after a first page are
 * contiguous, in sort-key order, and cover the whole rest of the partition — whatever it holds, not
 * only the keys a valid run has. A range ends before the key {@link PartitionRange#endExclusive}:
 * DynamoDB's {@code BETWEEN} includes its upper bound, so an item with exactly that key comes back
 * in two ranges and counts only in the second (no valid item has it: a log's start {@code
 * LOG#<log>#} has no index).
 */
public final class RunPartitionRanges {

  /** One range: its first request, and the sort key its items stay below (none: to the end). */
  public record PartitionRange(QueryRequest query, Optional<String> endExclusive) {}

  private RunPartitionRanges() {}

  /** The Query of the whole partition, as the first page of a load asks for it. */
  public static QueryRequest partition(String table, String pk, Optional<Integer> pageSize) {
    return base(table, pageSize)
        .keyConditionExpression("#pk = :pk")
        .expressionAttributeNames(Map.of("#pk", RunLogTable.PK))
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
        .build();
  }

  /**
   * The rest of the partition after {@code lastEvaluatedKey} (a page's), cut at each log's start
   * that lies beyond it; the first range resumes exactly after that key.
   */
  public static List<PartitionRange> after(
      String table,
      String pk,
      Map<String, AttributeValue> lastEvaluatedKey,
      Optional<Integer> pageSize) {
    String from = lastEvaluatedKey.get(RunLogTable.SK).s();
    List<String> cuts = new ArrayList<>(logStarts().tailSet(from, false));
    List<PartitionRange> ranges = new ArrayList<>();
    String lo = from;
    for (int i = 0; i <= cuts.size(); i++) {
      Optional<String> hi = i < cuts.size() ? Optional.of(cuts.get(i)) : Optional.empty();
      QueryRequest.Builder query = range(table, pk, lo, hi, pageSize);
      if (i == 0) {
        query.exclusiveStartKey(lastEvaluatedKey);
      }
      ranges.add(new PartitionRange(query.build(), hi));
      lo = hi.orElse(null);
    }
    return ranges;
  }

  /** Where each log's records start, in sort-key order. */
  private static TreeSet<String> logStarts() {
    TreeSet<String> starts = new TreeSet<>();
    for (RunLog log : RunLog.values()) {
      starts.add(RunLogTable.LOG_SK_PREFIX + log.stateField() + "#");
    }
    return starts;
  }

  private static QueryRequest.Builder range(
      String table, String pk, String lo, Optional<String> hi, Optional<Integer> pageSize) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(pk));
    values.put(":lo", AttributeValue.fromS(lo));
    hi.ifPresent(end -> values.put(":hi", AttributeValue.fromS(end)));
    return base(table, pageSize)
        .keyConditionExpression(
            hi.isPresent() ? "#pk = :pk AND #sk BETWEEN :lo AND :hi" : "#pk = :pk AND #sk >= :lo")
        .expressionAttributeNames(Map.of("#pk", RunLogTable.PK, "#sk", RunLogTable.SK))
        .expressionAttributeValues(values);
  }

  private static QueryRequest.Builder base(String table, Optional<Integer> pageSize) {
    QueryRequest.Builder query = QueryRequest.builder().tableName(table).consistentRead(true);
    pageSize.ifPresent(query::limit);
    return query;
  }
}
