package dev.custos.rescue;

import dev.custos.source.OsError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The state of every byte of the source in the rescue, as GNU ddrescue's mapfile holds it: areas
 * that cover {@code [0, size)} without gap or overlap, adjacent areas of the same state and error
 * merged. A healthy source is one {@link AreaState#FINISHED} area however large it is, so the map
 * stays as small as the damage.
 *
 * <p>Threading: written by the reader thread only; {@link #bytesIn} and {@link #snapshot} may be
 * called from any thread.
 */
public final class RescueMap {
  private final long size;
  /** Areas by their position. */
  private final NavigableMap<Long, Area> areas = new TreeMap<>();

  /** A map of a source of {@code size} bytes, none of them tried. */
  public RescueMap(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("a source's size must not be negative, got " + size);
    }
    this.size = size;
    if (size > 0) {
      areas.put(0L, new Area(0, size, AreaState.NON_TRIED, Optional.empty()));
    }
  }

  /** Bytes the map covers: the source's size. */
  public long size() {
    return size;
  }

  /** Sets bytes {@code [position, position + length)} to {@code state}, with the read error {@code error}. */
  public synchronized void mark(long position, long length, AreaState state, Optional<OsError> error) {
    if (length == 0) {
      return;
    }
    Area marked = new Area(position, length, state, error);
    if (marked.end() > size) {
      throw new IllegalArgumentException(marked + " passes the end of the source at byte " + size);
    }
    splitAt(position);
    splitAt(marked.end());
    areas.subMap(position, true, marked.end(), false).clear();
    areas.put(position, marked);
    mergeAround(position);
  }

  /** Sets the area {@code area} covers to its state and error: a recorded map read back. */
  public void mark(Area area) {
    mark(area.position(), area.size(), area.state(), area.error());
  }

  /** The areas that overlap {@code [from, to)}, cut to it, ascending. */
  public synchronized List<Area> within(long from, long to) {
    List<Area> found = new ArrayList<>();
    Long first = areas.floorKey(from);
    for (Area area : areas.subMap(first == null ? from : first, true, to, false).values()) {
      if (area.end() > from) {
        found.add(area.within(from, to));
      }
    }
    return found;
  }

  /** Every area in {@code state}, ascending. */
  public synchronized List<Area> inState(AreaState state) {
    return areas.values().stream().filter(area -> area.state() == state).toList();
  }

  /** Every area not {@link AreaState#FINISHED}, ascending: what a progress record must keep. */
  public synchronized List<Area> unfinished() {
    return areas.values().stream().filter(area -> area.state() != AreaState.FINISHED).toList();
  }

  /** Bytes in {@code state}. */
  public synchronized long bytesIn(AreaState state) {
    return areas.values().stream().filter(area -> area.state() == state).mapToLong(Area::size).sum();
  }

  /** Every area, ascending. */
  public synchronized List<Area> snapshot() {
    return List.copyOf(areas.values());
  }

  /** The first byte not {@link AreaState#FINISHED} at or after {@code from}, or the size when there is none. */
  public synchronized long firstUnfinishedFrom(long from) {
    for (Area area : within(from, size)) {
      if (area.state() != AreaState.FINISHED) {
        return area.position();
      }
    }
    return size;
  }

  private void splitAt(long position) {
    Map.Entry<Long, Area> holding = areas.floorEntry(position);
    if (holding == null || holding.getKey() == position || holding.getValue().end() <= position) {
      return;
    }
    Area area = holding.getValue();
    areas.put(area.position(), new Area(area.position(), position - area.position(), area.state(), area.error()));
    areas.put(position, new Area(position, area.end() - position, area.state(), area.error()));
  }

  private void mergeAround(long position) {
    Area area = areas.get(position);
    Map.Entry<Long, Area> before = areas.lowerEntry(position);
    if (before != null && before.getValue().joins(area)) {
      areas.remove(position);
      area = new Area(before.getKey(), before.getValue().size() + area.size(), area.state(), area.error());
      areas.put(area.position(), area);
    }
    Map.Entry<Long, Area> after = areas.higherEntry(area.position());
    if (after != null && area.joins(after.getValue())) {
      areas.remove(after.getKey());
      areas.put(area.position(), new Area(area.position(), area.size() + after.getValue().size(), area.state(), area.error()));
    }
  }
}
