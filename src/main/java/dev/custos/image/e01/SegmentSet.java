package dev.custos.image.e01;

import dev.custos.image.ImageFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Places packed chunks into segment files, EnCase 6 style: the first segment opens with header2
 * (twice), header and volume; every later one with a data section (the volume's copy). Chunks go
 * into groups of one sectors section followed by its table and table2; a group ends at {@link
 * ChunkTable#MAX_ENTRIES} chunks or before its sectors section would pass 2 GiB (table offsets are
 * 31-bit). A segment ends with {@code next} when the next chunk, its tables and what must follow
 * would make it larger than the segment size.
 *
 * <p>Not thread-safe: used by the writer's owning thread only.
 */
final class SegmentSet {
  private final Path directory;
  private final String baseName;
  private final long segmentSize;
  private final byte[] header2;
  private final byte[] header;
  private final byte[] volume;
  private final List<ImageFile> closed = new ArrayList<>();
  private SegmentWriter current;
  private int number;
  private int chunksInSegment;
  /** Offset of the open group's sectors descriptor, -1 when no group is open. */
  private long groupStart = -1;
  private final int[] entries = new int[ChunkTable.MAX_ENTRIES];
  private int entryCount;

  SegmentSet(Path directory, String baseName, long segmentSize, byte[] header2, byte[] header, byte[] volume) {
    this.directory = directory;
    this.baseName = baseName;
    this.segmentSize = segmentSize;
    this.header2 = header2;
    this.header = header;
    this.volume = volume;
  }

  /** Creates the first segment and writes its leading sections. */
  void open() throws IOException {
    openSegment();
  }

  /** The segment number being written (1 for the first). */
  int segmentNumber() {
    return number;
  }

  /**
   * Writes {@code chunk}, leaving room after it for its group's tables and {@code trailer} bytes of
   * sections; starts a new segment first when that room is not left in this one (unless it holds no
   * chunk yet: a chunk is never pushed into an endless run of empty segments).
   *
   * @param trailer a function from the segment number to the bytes of sections that will follow
   *     the tables in that segment
   */
  void place(PackedChunk chunk, java.util.function.IntToLongFunction trailer) throws IOException {
    int stored = chunk.storedLength();
    if (!fits(stored, trailer.applyAsLong(number)) && chunksInSegment > 0) {
      closeGroup();
      current.terminal("next");
      closed.add(current.close());
      current = null;
      openSegment();
    }
    if (groupStart < 0 || needsNewGroup(stored)) {
      closeGroup();
      groupStart = current.position();
      current.write(new byte[SectionDescriptor.SIZE], 0, SectionDescriptor.SIZE); // filled in by closeGroup
    }
    int offset = (int) (current.position() - groupStart);
    entries[entryCount++] = offset | (chunk.compressed() ? ChunkTable.COMPRESSED : 0);
    current.write(chunk.bytes(), 0, stored);
    chunksInSegment++;
  }

  private boolean needsNewGroup(int stored) {
    return entryCount == ChunkTable.MAX_ENTRIES || current.position() + stored - groupStart > ChunkTable.OFFSET_MASK;
  }

  private boolean fits(int stored, long trailer) {
    long end = current.position();
    boolean newGroup = groupStart < 0 || needsNewGroup(stored);
    if (newGroup && groupStart >= 0) {
      end += 2 * ChunkTable.sectionSize(entryCount);
    }
    end += (newGroup ? SectionDescriptor.SIZE : 0) + stored;
    end += 2 * ChunkTable.sectionSize(newGroup ? 1 : entryCount + 1);
    return end + trailer <= segmentSize;
  }

  /** Ends the open group, if any: its sectors descriptor filled in, table and table2 written. */
  void closeGroup() throws IOException {
    if (groupStart < 0) {
      return;
    }
    long end = current.position();
    current.overwrite(groupStart, new SectionDescriptor("sectors", end, end - groupStart).encode());
    byte[] table = ChunkTable.encode(entries, entryCount, groupStart);
    current.section("table", table);
    current.section("table2", table);
    groupStart = -1;
    entryCount = 0;
  }

  /** Appends a section to the segment being written. */
  void section(String type, byte[] body) throws IOException {
    current.section(type, body);
  }

  /** Ends the last segment with {@code done} and seals it. */
  void done() throws IOException {
    current.terminal("done");
    closed.add(current.close());
    current = null;
  }

  /**
   * For an interrupted acquisition: ends the open group so the chunks written can be located, and
   * seals the segment; no {@code next} or {@code done} (the set says honestly it is incomplete).
   * A failure to write is reported after the file is sealed.
   */
  void abandon() throws IOException {
    if (current == null) {
      return;
    }
    SegmentWriter segment = current;
    current = null;
    try {
      if (groupStart >= 0) {
        current = segment;
        closeGroup();
      }
    } finally {
      current = null;
      closed.add(segment.close());
    }
  }

  /** The segment files sealed so far, and the one being written with its size so far. */
  List<ImageFile> files() {
    List<ImageFile> files = new ArrayList<>(closed);
    if (current != null) {
      files.add(new ImageFile(current.file().getFileName().toString(), current.position()));
    }
    return files;
  }

  private void openSegment() throws IOException {
    number++;
    Path file = directory.resolve(baseName + "." + SegmentNames.extension(number));
    current = SegmentWriter.create(file, number);
    chunksInSegment = 0;
    if (number == 1) {
      current.section("header2", header2);
      current.section("header2", header2);
      current.section("header", header);
      current.section("volume", volume);
    } else {
      current.section("data", volume);
    }
  }
}
