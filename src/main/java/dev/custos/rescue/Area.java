package dev.custos.rescue;

import dev.custos.source.OsError;
import java.util.Objects;
import java.util.Optional;

/**
 * A run of bytes of the source in one state: {@code size} bytes from {@code position}, whole
 * sectors. A failed area keeps the error its last read gave.
 *
 * @param position first byte
 * @param size bytes, at least 1
 * @param state where the area stands
 * @param error the error of the last failed read of the area; empty for an area never read or read
 */
public record Area(long position, long size, AreaState state, Optional<OsError> error) {
  public Area {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(error, "error");
    if (position < 0) {
      throw new IllegalArgumentException("an area's position must not be negative, got " + position);
    }
    if (size < 1 || size > Long.MAX_VALUE - position) {
      throw new IllegalArgumentException("an area at byte " + position + " must hold at least one byte and end by the "
          + "largest offset, got " + size);
    }
    if (error.isPresent() && (state == AreaState.NON_TRIED || state == AreaState.FINISHED)) {
      throw new IllegalArgumentException("a " + state.id() + " area has no read error, got " + error.get());
    }
  }

  /** The byte after the area. */
  public long end() {
    return position + size;
  }

  /** Whether this area and {@code next} could be one: adjacent, in the same state, with the same error. */
  boolean joins(Area next) {
    return end() == next.position && state == next.state && error.equals(next.error);
  }

  /** The part of this area in {@code [from, to)}, which must overlap it. */
  Area within(long from, long to) {
    long start = Math.max(position, from);
    return new Area(start, Math.min(end(), to) - start, state, error);
  }

  @Override
  public String toString() {
    return "bytes " + position + "-" + (end() - 1) + " " + state.id() + error.map(e -> " (" + e.name() + ")").orElse("");
  }
}
