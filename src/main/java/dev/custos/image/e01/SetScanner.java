package dev.custos.image.e01;

import dev.custos.image.ImageFile;
import dev.custos.source.SectorRange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads what the sections of a set's segment files say: volume, headers, tables, error2, digest and
 * hash. Collects what is wrong as it goes and fails only when the media cannot be located.
 *
 * <p>Not thread-safe; used once, by {@link E01Reader#open}.
 */
final class SetScanner {
  private static final int HEADER_LIMIT = 16 << 20;
  private static final int BODY_LIMIT = 64 << 20;

  final List<Path> files = new ArrayList<>();
  final List<FileChannel> channels = new ArrayList<>();
  final List<ImageFile> segments = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  final List<ChunkLocation> chunks = new ArrayList<>();
  final List<SectorRange> errors = new ArrayList<>();
  Map<String, String> caseFields = new LinkedHashMap<>();
  boolean fromHeader2;
  VolumeSection volume;
  byte[] md5;
  byte[] sha1;
  /** Where the last table began in {@link #chunks}, and whether it was damaged: then an intact table2 stands in for it. */
  private int lastTableFirstChunk;
  private boolean lastTableDamaged;

  /**
   * Opens and scans every segment from {@code first}.
   *
   * @throws E01FormatException as {@link E01Reader#open} says
   */
  void scan(Path first) throws IOException {
    String name = first.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot < 0 || !name.substring(dot + 1).equalsIgnoreCase("E01")) {
      throw new E01FormatException(first, 0, "the first segment of an E01 set is named *.E01");
    }
    String base = name.substring(0, dot + 1);
    boolean lower = Character.isLowerCase(name.charAt(dot + 1));
    Path directory = first.toAbsolutePath().getParent();
    for (int number = 1; ; number++) {
      String extension = SegmentNames.extension(number);
      Path file = directory.resolve(base + (lower ? extension.toLowerCase(java.util.Locale.ROOT) : extension));
      if (!Files.isRegularFile(file)) {
        Path other = directory.resolve(base + (lower ? extension : extension.toLowerCase(java.util.Locale.ROOT)));
        if (!Files.isRegularFile(other)) {
          Path previous = files.isEmpty() ? file : files.get(files.size() - 1);
          throw new E01FormatException(file, 0, "segment " + number + " is missing"
              + (files.isEmpty() ? "" : ", though " + previous.getFileName() + " ends with a next section"));
        }
        file = other;
      }
      String terminator = scanSegment(file, number);
      if (!terminator.equals("next")) {
        break;
      }
    }
    if (volume == null) {
      throw new E01FormatException(first, SegmentWriter.FILE_HEADER, "no readable volume or data section: the media's size is unknown");
    }
  }

  private String scanSegment(Path file, int number) throws IOException {
    FileChannel channel = FileChannel.open(file, java.nio.file.StandardOpenOption.READ);
    int index = files.size();
    files.add(file);
    channels.add(channel);
    segments.add(new ImageFile(file.getFileName().toString(), channel.size()));
    SectionWalker.Walk walk = SectionWalker.walk(file, channel);
    problems.addAll(walk.problems());
    if (walk.number() != number) {
      problems.add(file + " at offset 9: segment number " + walk.number() + " in a file named as segment " + number);
    }
    SectionWalker.Section sectors = null;
    byte[] lastTable = null;
    for (SectionWalker.Section section : walk.sections()) {
      String where = file + " at offset " + section.offset() + ": ";
      switch (section.type()) {
        case "header2", "header" -> readHeader(channel, section, where);
        case "volume", "disk", "data" -> readVolume(channel, section, where);
        case "sectors" -> sectors = section;
        case "table" -> lastTable = readTable(channel, section, sectors, index, where);
        case "table2" -> {
          byte[] copy = body(channel, section, BODY_LIMIT);
          if (lastTable != null && !Arrays.equals(copy, lastTable)) {
            problems.add(where + "table2 differs from the table before it");
            useTable2IfTheTableIsDamaged(copy, sectors, index, where);
          }
        }
        case "error2" -> readError2(channel, section, where);
        case "digest" -> {
          byte[] b = body(channel, section, 80);
          if (checked(b, 80, where + "digest")) {
            storedMd5(Arrays.copyOfRange(b, 0, 16), where + "digest");
            storedSha1(Arrays.copyOfRange(b, 16, 36), where + "digest");
          }
        }
        case "hash" -> {
          byte[] b = body(channel, section, 36);
          if (checked(b, 36, where + "hash")) {
            storedMd5(Arrays.copyOfRange(b, 0, 16), where + "hash");
          }
        }
        case "xhash" -> readXhash(channel, section, where);
        default -> { } // next, done, and sections this reader does not need (session, ltree, …)
      }
    }
    return walk.terminator();
  }

  private void readHeader(FileChannel channel, SectionWalker.Section section, String where) throws IOException {
    boolean header2 = section.type().equals("header2");
    if (fromHeader2 || (!header2 && !caseFields.isEmpty())) {
      return; // the first readable header2 wins, a header only stands in for a missing one
    }
    try {
      byte[] body = body(channel, section, HEADER_LIMIT);
      byte[] text = HeaderText.inflate(body, 0, body.length, HEADER_LIMIT);
      String decoded = header2 ? HeaderText.decodeHeader2(text) : new String(text, StandardCharsets.ISO_8859_1);
      caseFields = HeaderText.mainValues(decoded);
      fromHeader2 = header2;
    } catch (java.util.zip.DataFormatException | IllegalArgumentException e) {
      problems.add(where + section.type() + " does not inflate to case fields: " + e.getMessage());
    }
  }

  private void readVolume(FileChannel channel, SectionWalker.Section section, String where) throws IOException {
    byte[] b = body(channel, section, VolumeSection.SIZE);
    if (b.length < VolumeSection.SIZE) {
      problems.add(where + section.type() + " section is " + b.length + " bytes, not " + VolumeSection.SIZE);
      return;
    }
    if (!VolumeSection.checksumOk(b, 0)) {
      problems.add(where + section.type() + " section Adler-32 mismatch");
      if (volume != null) {
        return;
      }
    }
    VolumeSection read = VolumeSection.decode(b, 0);
    if (volume == null) {
      volume = read;
    } else if (!volume.equals(read) && VolumeSection.checksumOk(b, 0)) {
      problems.add(where + section.type() + " section differs from the volume section");
    }
  }

  /**
   * Every digest a set stores must be the same: libewf checks the media against the hash section's
   * MD5 (and xhash's), EnCase against digest's; a set whose copies differ tells each tool another story.
   */
  private void storedMd5(byte[] value, String where) {
    if (md5 != null && !Arrays.equals(md5, value)) {
      problems.add(where + " stores MD5 " + Checksums.hexBytes(value) + ", another section " + Checksums.hexBytes(md5)
          + ": the set's own digests disagree");
    }
    md5 = value;
  }

  private void storedSha1(byte[] value, String where) {
    if (sha1 != null && !Arrays.equals(sha1, value)) {
      problems.add(where + " stores SHA-1 " + Checksums.hexBytes(value) + ", another section " + Checksums.hexBytes(sha1)
          + ": the set's own digests disagree");
    }
    sha1 = value;
  }

  private static final java.util.regex.Pattern XHASH_MD5 =
      java.util.regex.Pattern.compile("<md5>\\s*([0-9a-fA-F]{32})\\s*</md5>", java.util.regex.Pattern.CASE_INSENSITIVE);
  private static final java.util.regex.Pattern XHASH_SHA1 =
      java.util.regex.Pattern.compile("<sha1>\\s*([0-9a-fA-F]{40})\\s*</sha1>", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** The ewfx format's xhash section: zlib-compressed XML holding the MD5 and SHA-1 libewf checks the media against. */
  private void readXhash(FileChannel channel, SectionWalker.Section section, String where) throws IOException {
    byte[] body = body(channel, section, HEADER_LIMIT);
    java.util.zip.Inflater inflater = new java.util.zip.Inflater();
    try {
      inflater.setInput(body);
      java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished() && xml.size() < HEADER_LIMIT) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        xml.write(buffer, 0, n);
      }
      String text = xml.toString(java.nio.charset.StandardCharsets.UTF_8);
      java.util.regex.Matcher md5Tag = XHASH_MD5.matcher(text);
      java.util.regex.Matcher sha1Tag = XHASH_SHA1.matcher(text);
      if (md5Tag.find()) {
        storedMd5(java.util.HexFormat.of().parseHex(md5Tag.group(1).toLowerCase(java.util.Locale.ROOT)), where + "xhash");
      }
      if (sha1Tag.find()) {
        storedSha1(java.util.HexFormat.of().parseHex(sha1Tag.group(1).toLowerCase(java.util.Locale.ROOT)), where + "xhash");
      }
    } catch (java.util.zip.DataFormatException e) {
      problems.add(where + "xhash does not inflate: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }

  private void useTable2IfTheTableIsDamaged(byte[] copy, SectionWalker.Section sectors, int index, String where) {
    if (!lastTableDamaged) {
      return;
    }
    ChunkTable.Decoded table2;
    try {
      table2 = ChunkTable.decode(copy, 0, copy.length);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (!table2.problem().isEmpty()) {
      return;
    }
    chunks.subList(lastTableFirstChunk, chunks.size()).clear();
    addLocations(table2, sectors, index, sectors == null ? 0 : sectors.offset() + sectors.size());
    problems.add(where + "the table is damaged; its copy, table2, is intact and locates the chunks");
  }

  private byte[] readTable(FileChannel channel, SectionWalker.Section section, SectionWalker.Section sectors, int index,
      String where) throws IOException {
    byte[] b = body(channel, section, BODY_LIMIT);
    lastTableFirstChunk = chunks.size();
    lastTableDamaged = true;
    ChunkTable.Decoded table;
    try {
      table = ChunkTable.decode(b, 0, b.length);
    } catch (IllegalArgumentException e) {
      problems.add(where + "table: " + e.getMessage());
      return b;
    }
    lastTableDamaged = !table.problem().isEmpty();
    if (!table.problem().isEmpty()) {
      problems.add(where + table.problem());
    }
    addLocations(table, sectors, index, sectors == null ? section.offset() : sectors.offset() + sectors.size());
    return b;
  }

  private void addLocations(ChunkTable.Decoded table, SectionWalker.Section sectors, int index, long sectorsEnd) {
    long sectorsStart = sectors == null ? 0 : sectors.bodyOffset();
    int[] entries = table.entries();
    for (int i = 0; i < entries.length; i++) {
      long start = table.base() + (entries[i] & ChunkTable.OFFSET_MASK);
      long end = i + 1 < entries.length ? table.base() + (entries[i + 1] & ChunkTable.OFFSET_MASK) : sectorsEnd;
      String problem = start < sectorsStart || end > sectorsEnd || end <= start
          ? "table entry points outside the sectors section" : "";
      chunks.add(new ChunkLocation(index, start, Math.max(0, end - start), entries[i] < 0, problem));
    }
  }

  private void readError2(FileChannel channel, SectionWalker.Section section, String where) throws IOException {
    byte[] b = body(channel, section, BODY_LIMIT);
    if (!checked(b, TrailerSections.ERROR2_HEADER, where + "error2 header")) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    long count = buffer.getInt(0) & 0xffffffffL;
    if (TrailerSections.ERROR2_HEADER + 8 * count + 4 > b.length) {
      problems.add(where + "error2 lists " + count + " entries, more than its section holds");
      return;
    }
    checked(Arrays.copyOfRange(b, TrailerSections.ERROR2_HEADER, TrailerSections.ERROR2_HEADER + 8 * (int) count + 4),
        8 * (int) count + 4, where + "error2 entries");
    for (int i = 0; i < count; i++) {
      long first = buffer.getInt(TrailerSections.ERROR2_HEADER + 8 * i) & 0xffffffffL;
      long sectors = buffer.getInt(TrailerSections.ERROR2_HEADER + 8 * i + 4) & 0xffffffffL;
      if (sectors > 0) {
        errors.add(new SectorRange(first, sectors));
      }
    }
  }

  /** Whether the last 4 of {@code b}'s first {@code length} bytes are the Adler-32 of those before; a problem if not. */
  private boolean checked(byte[] b, int length, String what) {
    if (b.length < length) {
      problems.add(what + " is " + b.length + " bytes, shorter than " + length);
      return false;
    }
    int stored = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(length - 4);
    int computed = Checksums.adler32(b, 0, length - 4);
    if (stored != computed) {
      problems.add(what + " Adler-32 mismatch: stored " + Checksums.hex(stored) + ", computed " + Checksums.hex(computed));
      return false;
    }
    return true;
  }

  private static byte[] body(FileChannel channel, SectionWalker.Section section, int limit) throws IOException {
    return SectionWalker.read(channel, section.bodyOffset(), (int) Math.min(section.bodySize(), limit));
  }

  /** The info the scan found. */
  E01Info info(long chunkCount) {
    long mediaBytes = volume.sectorCount() * volume.bytesPerSector();
    String acquired = caseFields.get("m");
    return new E01Info(mediaBytes, volume.bytesPerSector(), volume.sectorCount(), volume.sectorsPerChunk(), chunkCount,
        segments, caseFields, Optional.ofNullable(acquired).filter(s -> !s.isEmpty()), Optional.ofNullable(md5),
        Optional.ofNullable(sha1), errors, Optional.of(volume.guid()).filter(g -> !g.equals(new UUID(0, 0))), problems);
  }
}
