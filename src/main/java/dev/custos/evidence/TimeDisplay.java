package dev.custos.evidence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Times as a person reads them: the UTC time the records hold and, beside it, the wall-clock time
 * of one zone with its abbreviation and its offset as of that very instant, so that a summer time
 * carries the summer offset: {@code 2026-12-02T09:15:30.123Z = 2026-12-02 10:15:30 CET (+01:00)}.
 * A zone that is UTC, or no zone at all, shows the UTC time alone: no duplicate, and no local time
 * claimed that nobody recorded. Immutable and thread-safe.
 *
 * <p>The text never depends on the JVM's locale: the zone's abbreviation (CET, CEST) is the JDK's
 * name of it in {@link Locale#ROOT}, so a workstation and a CI machine without {@code LANG} agree.
 *
 * @param zone the zone of the local times; empty for UTC only
 */
public record TimeDisplay(Optional<ZoneId> zone) {
  private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx", Locale.ROOT);

  public TimeDisplay {
    Objects.requireNonNull(zone, "zone");
    // UTC, Etc/UTC, GMT, Z: the local time would repeat the UTC one.
    zone = zone.filter(id -> !(id.getRules().isFixedOffset() && id.getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC)));
  }

  /** UTC alone. */
  public static TimeDisplay utcOnly() {
    return new TimeDisplay(Optional.empty());
  }

  /** UTC and beside it the local time in {@code zone}. */
  public static TimeDisplay in(ZoneId zone) {
    return new TimeDisplay(Optional.of(zone));
  }

  /** UTC and the local time of this workstation ({@link #workstationZone()}); UTC alone when its zone is not known. */
  public static TimeDisplay workstation() {
    return new TimeDisplay(workstationZone());
  }

  /**
   * This workstation's zone: the JVM's default, which honours {@code TZ}; empty when {@code TZ} is a
   * POSIX rule with summer time ({@code CET-1CEST,M3.5.0,M10.5.0/3}, as glibc reads it), which the
   * JVM takes as a fixed offset ({@code GMT+01:00}): its local times would be an hour off all summer.
   */
  public static Optional<ZoneId> workstationZone() {
    return workstationZone(System.getenv("TZ"), ZoneId.systemDefault());
  }

  /** The zone of a workstation whose {@code TZ} is {@code tzVariable} (null when unset) and whose JVM took {@code jvmZone}. */
  static Optional<ZoneId> workstationZone(String tzVariable, ZoneId jvmZone) {
    if (tzVariable != null && jvmZone.getRules().isFixedOffset() && POSIX_RULE_WITH_SUMMER_TIME.matcher(tzVariable.strip()).find()) {
      return Optional.empty();
    }
    return Optional.of(jvmZone);
  }

  /** A POSIX {@code TZ}: a standard zone's name and offset, then a summer time's name ({@code CET-1CEST…}, {@code <+03>-3<+04>…}). */
  private static final java.util.regex.Pattern POSIX_RULE_WITH_SUMMER_TIME =
      java.util.regex.Pattern.compile("^(<[^>]+>|[A-Za-z]{3,})[+-]?\\d{1,2}(:\\d{1,2}){0,2}(<[^>]+>|[A-Za-z]{3,})");

  /**
   * The times of a record that names its zone by {@code zoneId} (an IANA id such as {@code
   * Europe/Berlin}): UTC alone when {@code zoneId} is null (records before Custos recorded the zone)
   * or names a zone this JDK does not know (then nothing can be said of its local times).
   */
  public static TimeDisplay recorded(String zoneId) {
    if (zoneId == null) {
      return utcOnly();
    }
    try {
      return in(ZoneId.of(zoneId));
    } catch (DateTimeException e) {
      return utcOnly();
    }
  }

  /** Whether local times are shown beside UTC. */
  public boolean showsLocal() {
    return zone.isPresent();
  }

  /** {@code 2026-12-02T09:15:30.123Z = 2026-12-02 10:15:30 CET (+01:00)}, or the UTC time alone. */
  public String of(Instant instant) {
    return EvidenceClock.format(instant) + local(instant).map(local -> " = " + local).orElse("");
  }

  /** {@code 2026-12-02 10:15:30 CET (+01:00)}: the wall-clock time, zone and offset at {@code instant}; empty for UTC only. */
  public Optional<String> local(Instant instant) {
    return zone.map(id -> {
      String offset = OFFSET.format(instant.atZone(id));
      String abbreviation = ABBREVIATION.format(instant.atZone(id));
      // A zone that is a bare offset (+05:30) has no other name: say it once.
      return WALL.format(instant.atZone(id)) + (abbreviation.equals(offset) ? "" : " " + abbreviation) + " (" + offset + ")";
    });
  }

  /** The zone's id, {@code Europe/Berlin}, or {@code UTC} when times are shown in UTC only. */
  public String zoneName() {
    return zone.map(ZoneId::getId).orElse("UTC");
  }

  /** The offset from UTC of {@code zone} at {@code instant}, {@code +01:00} ({@code +00:00} for UTC). */
  public static String offset(ZoneId zone, Instant instant) {
    return OFFSET.format(instant.atZone(zone));
  }
}
