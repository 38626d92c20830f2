package io.runpack.cli.report;

import io.runpack.domain.model.Timestamp;
import java.util.Optional;

/**
 * One record of a run's logs as the timeline shows it, or a marker for records left out. Every
 * string is text from the runpack, untrusted: the page escapes it.
 *
 * @param kind which log it comes from
 * @param index its position in that log (for a gap: the position of the first record left out)
 * @param at its time, when the record has one the page can read
 * @param cause what caused it: the trigger id (triggers, gate evaluations, decisions) or the
 *     decision id (packets); empty when none
 * @param label its identity and result in a few words
 * @param detail further text (a payload, a trace), possibly cut; empty when none
 * @param omitted for a gap, how many records are left out; 0 otherwise
 */
public record TimelineEntry(
    LogKind kind,
    long index,
    Optional<Timestamp> at,
    String cause,
    String label,
    String detail,
    long omitted) {

  public boolean isGap() {
    return omitted > 0;
  }
}
