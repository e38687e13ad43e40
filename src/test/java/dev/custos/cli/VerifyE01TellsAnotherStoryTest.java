package dev.custos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custos.testing.Cli;
import dev.custos.testing.Evidence;
import dev.custos.testing.ExternalTool;
import dev.custos.testing.FailingDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * E01 sets altered so that libewf ({@code ewfinfo}, {@code ewfverify}) reads them as saying
 * something other than the manifest, or other than the digests Custos checks: {@code report verify}
 * must not say VERIFIED of any. Each test first shows, with libewf, that the set now tells another
 * story; then asks Custos. (Found by a hostile review of the E01 support.)
 */
class VerifyE01TellsAnotherStoryTest {
  /** Not the MD5 of anything here (libewf takes an all-zero MD5 for none). */
  private static final byte[] OTHER_MD5 = java.util.HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

  @TempDir Path temp;

  // ---------------------------------------------------------------- helpers: EWF sections

  /** One section of a segment file: type, descriptor offset, size (descriptor included). */
  record Section(String type, long offset, long size) {
    long body() {
      return offset + 76;
    }
  }

  static List<Section> sections(Path file) throws IOException {
    byte[] data = Files.readAllBytes(file);
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    List<Section> out = new ArrayList<>();
    long offset = 13;
    while (offset + 76 <= data.length) {
      String type = new String(data, (int) offset, 16, StandardCharsets.US_ASCII).replace("\0", "");
      long next = b.getLong((int) offset + 16);
      long size = b.getLong((int) offset + 24);
      out.add(new Section(type, offset, size));
      if (type.equals("next") || type.equals("done") || next == offset) {
        break;
      }
      offset = next;
    }
    return out;
  }

  static Section section(Path file, String type) throws IOException {
    return sections(file).stream().filter(s -> s.type().equals(type)).findFirst().orElseThrow(() -> new AssertionError(
        "no " + type + " section in " + file));
  }

  static int adler(byte[] data, int from, int length) {
    Adler32 a = new Adler32();
    a.update(data, from, length);
    return (int) a.getValue();
  }

  static byte[] read(Path file, long offset, int length) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      byte[] b = new byte[length];
      f.seek(offset);
      f.readFully(b);
      return b;
    }
  }

  static void write(Path file, long offset, byte[] bytes) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      f.write(bytes);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
  }

  /** Rewrites the fixed-size body of {@code section}: {@code edit} changes it, the trailing Adler-32 of its first {@code checked} bytes is redone. */
  static void rewrite(Path file, Section section, int checked, java.util.function.Consumer<ByteBuffer> edit) throws IOException {
    byte[] body = read(file, section.body(), checked + 4);
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    edit.accept(b);
    b.putInt(checked, adler(body, 0, checked));
    write(file, section.body(), body);
  }

  static byte[] inflate(byte[] data) throws Exception {
    Inflater inflater = new Inflater();
    inflater.setInput(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!inflater.finished()) {
      out.write(buffer, 0, inflater.inflate(buffer));
    }
    inflater.end();
    return out.toByteArray();
  }

  /** Deflates {@code text} at the first level that fits {@code room} bytes, zero-padded to it. */
  static byte[] deflateInto(byte[] text, int room) {
    for (int level = 9; level >= 1; level--) {
      Deflater deflater = new Deflater(level);
      deflater.setInput(text);
      deflater.finish();
      byte[] out = new byte[room + 64];
      int n = deflater.deflate(out);
      boolean finished = deflater.finished();
      deflater.end();
      if (finished && n <= room) {
        return java.util.Arrays.copyOf(out, room);
      }
    }
    throw new AssertionError("the edited header does not fit its section");
  }

  /** Replaces {@code from} with {@code to} in every header2 and header section of {@code file}, each kept at its size. */
  static String editHeaders(Path file, String from, String... candidates) throws Exception {
    for (String to : candidates) {
      try {
        editHeadersTo(file, from, to);
        return to;
      } catch (AssertionError doesNotFit) {
        // try the next
      }
    }
    throw new AssertionError("no candidate fits");
  }

  static void editHeadersTo(Path file, String from, String to) throws Exception {
    for (Section s : sections(file)) {
      if (!s.type().equals("header2") && !s.type().equals("header")) {
        continue;
      }
      int room = (int) (s.size() - 76);
      byte[] text = inflate(read(file, s.body(), room));
      byte[] edited = s.type().equals("header2")
          ? new String(text, StandardCharsets.UTF_16LE).replace(from, to).getBytes(StandardCharsets.UTF_16LE)
          : new String(text, StandardCharsets.ISO_8859_1).replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
      deflateInto(edited, room);
    }
    for (Section s : sections(file)) {
      if (!s.type().equals("header2") && !s.type().equals("header")) {
        continue;
      }
      int room = (int) (s.size() - 76);
      byte[] text = inflate(read(file, s.body(), room));
      byte[] edited = s.type().equals("header2")
          ? new String(text, StandardCharsets.UTF_16LE).replace(from, to).getBytes(StandardCharsets.UTF_16LE)
          : new String(text, StandardCharsets.ISO_8859_1).replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
      write(file, s.body(), deflateInto(edited, room));
    }
  }

  static Path lastSegment(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().matches("image\\.E\\d\\d")).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  private Path acquire(Path source, String... extra) {
    Path out = temp.resolve("evidence");
    List<String> args = new ArrayList<>(List.of("acquire", "image", source.toString(), "--out", out.toString(), "--case", "C-1",
        "--evidence", "E-1", "--examiner", "Jane Doe", "--format", "e01", "--compression", "fast", "--segment-size", "1MiB",
        "--hash", "md5,sha1,sha256", "--unsigned"));
    args.addAll(List.of(extra));
    Cli.Run run = Cli.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    return out;
  }

  /** 3 MiB and a page: not a multiple of the chunk, an even number of sectors. */
  private Path acquireMixed() throws IOException {
    return acquire(AcquireE01Test.mixedSource(temp.resolve("drive.bin"), (3 << 20) + 4096));
  }

  // ---------------------------------------------------------------- the set's own MD5: hash vs digest section

  /**
   * EnCase 6 sets store the MD5 twice: in the digest and in the hash section. libewf takes the
   * hash section's (the last it reads): ewfinfo shows it, ewfverify checks against it. Custos
   * reads only the digest section's, so a set whose hash section says another MD5 passes, though
   * every libewf tool says the set does not verify.
   */
  @Test
  void verifyDirectory_hashSectionMd5Altered_ewfverifyFails_custosMustNotSayVerified() throws Exception {
    ExternalTool.assumeInstalled("ewfverify");
    Path out = acquireMixed();
    Path last = lastSegment(out);
    rewrite(last, section(last, "hash"), 32, b -> b.put(0, OTHER_MD5));
    Path first = out.resolve("image.E01");
    assertThat(ExternalTool.ok("ewfinfo", first.toString())).contains("MD5:\t\t\t00112233445566778899aabbccddeeff");
    assertThat(ExternalTool.run(List.of("ewfverify", "-q", first.toString())).output()).contains("ewfverify: FAILURE");

    Cli.Run run = Cli.run("report", "verify", out.toString(), "--no-record");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(run.out()).doesNotContain("VERIFIED: everything is as recorded");
  }

  @Test
  void verifyForeignSet_hashSectionMd5Altered_ewfverifyFails_custosMustNotSayTheMediaHasTheDigestsTheSetStores() throws Exception {
    ExternalTool.assumeInstalled("ewfverify");
    Path out = acquireMixed();
    Path last = lastSegment(out);
    rewrite(last, section(last, "hash"), 32, b -> b.put(0, OTHER_MD5));
    Path first = out.resolve("image.E01");
    assertThat(ExternalTool.run(List.of("ewfverify", "-q", first.toString())).output()).contains("ewfverify: FAILURE");

    Cli.Run run = Cli.run("report", "verify", first.toString());

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- what the set tells other tools, against the manifest

  /** ewfinfo shows case X-9, the manifest records C-1: not "everything is as recorded". */
  @Test
  void verifyDirectory_headerCaseNumberAltered_ewfinfoShowsAnotherCase_custosMustNotSayVerified() throws Exception {
    ExternalTool.assumeInstalled("ewfinfo");
    Path out = acquireMixed();
    Path first = out.resolve("image.E01");
    String to = editHeaders(first, "C-1\t", "X-9\t", "X-1\t", "C-9\t", "J-1\t", "E-9\t", "D-1\t", "C-2\t", "C-3\t");
    assertThat(ExternalTool.ok("ewfinfo", first.toString())).contains("Case number:\t\t" + to.strip())
        .doesNotContain("Case number:\t\tC-1");
    assertThat(ExternalTool.run(List.of("ewfverify", "-q", first.toString())).output()).contains("ewfverify: SUCCESS");

    Cli.Run run = Cli.run("report", "verify", out.toString(), "--no-record");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
  }

  /**
   * The volume says 1024-byte sectors, 32 a chunk: the same bytes, so the same digests, but every
   * LBA (and every error2 run) now names another place; ewfinfo shows it, the manifest says 512.
   */
  @Test
  void verifyDirectory_volumeGeometryAltered_ewfinfoShows1024ByteSectors_custosMustNotSayVerified() throws Exception {
    ExternalTool.assumeInstalled("ewfinfo");
    Path out = acquireMixed();
    try (Stream<Path> files = Files.list(out)) {
      for (Path segment : files.filter(p -> p.getFileName().toString().matches("image\\.E\\d\\d")).toList()) {
        for (Section s : sections(segment)) {
          if (s.type().equals("volume") || s.type().equals("data")) {
            rewrite(segment, s, 1048, b -> {
              b.putInt(8, 32);
              b.putInt(12, 1024);
              b.putLong(16, b.getLong(16) / 2);
            });
          }
        }
      }
    }
    Path first = out.resolve("image.E01");
    assertThat(ExternalTool.ok("ewfinfo", first.toString())).contains("Bytes per sector:\t1024");
    assertThat(ExternalTool.run(List.of("ewfverify", "-q", first.toString())).output()).contains("ewfverify: SUCCESS");

    Cli.Run run = Cli.run("report", "verify", out.toString(), "--no-record");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
  }

  /**
   * error2 moved: ewfinfo -e lists sectors as unreadable that were read, and no longer lists the
   * zero-filled ones; the manifest's bad sectors say otherwise.
   */
  @Test
  void verifyDirectory_error2Moved_ewfinfoListsOtherBadSectors_custosMustNotSayVerified() throws Exception {
    ExternalTool.assumeInstalled("ewfinfo");
    Path backing = AcquireE01Test.mixedSource(temp.resolve("disk.bin"), 4 << 20);
    Path out = temp.resolve("evidence");
    try (FailingDevice device = FailingDevice.attach(backing, temp.resolve("fuse"), List.of("65536:1024"))) {
      Cli.Run run = Cli.run("acquire", "image", device.path().toString(), "--out", out.toString(), "--case", "C-1",
          "--evidence", "E-1", "--examiner", "Jane Doe", "--retries", "1", "--format", "e01", "--hash", "md5,sha1",
          "--unsigned");
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }
    Path first = out.resolve("image.E01");
    Path last = lastSegment(out);
    Section error2 = section(last, "error2");
    byte[] body = read(last, error2.body(), 520 + 8 + 4);
    ByteBuffer b = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getInt(0)).isEqualTo(1);
    b.putInt(520, 7000).putInt(524, 2).putInt(528, adler(body, 520, 8));
    write(last, error2.body(), body);
    assertThat(ExternalTool.ok("ewfinfo", "-e", first.toString())).contains("at sector(s): 7000 - 7001").doesNotContain("128 - 129");

    Cli.Run run = Cli.run("report", "verify", out.toString(), "--no-record");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- foreign sets

  /** An ewfacquire set of {@code source} in {@code format}, first segment returned. */
  private Path ewfacquire(Path source, String name, String... options) {
    List<String> command = new ArrayList<>(List.of("ewfacquire", "-u", "-q", "-t", temp.resolve(name).toString(), "-C", "C-1",
        "-E", "E-1", "-e", "Jane Doe", "-D", "d", "-N", "n", "-c", "fast", "-d", "sha1"));
    command.addAll(List.of(options));
    command.add(source.toString());
    ExternalTool.Result result = ExternalTool.run(command);
    assertThat(result.exitCode()).as(result.output()).isZero();
    try (Stream<Path> files = Files.list(temp)) {
      return files.filter(p -> p.getFileName().toString().equalsIgnoreCase(name + ".E01")).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * ewfacquire -f ewfx stores the SHA-1 in an xhash section; ewfinfo shows it and ewfverify checks
   * it. Custos reads no xhash, yet says "the media has the digests the set stores".
   */
  @Test
  void verifyForeignSet_ewfxXhashSha1Wrong_ewfverifyFails_custosMustNotSayVerified() throws Exception {
    ExternalTool.assumeInstalled("ewfacquire");
    Path source = AcquireE01Test.mixedSource(temp.resolve("drive.bin"), (3 << 20) + 4096);
    Path first = ewfacquire(source, "set", "-f", "ewfx");
    Path last = first;
    for (Path segment : List.of(first)) {
      last = segment;
    }
    Section xhash = section(last, "xhash");
    int room = (int) (xhash.size() - 76);
    String xml = new String(inflate(read(last, xhash.body(), room)), StandardCharsets.UTF_8);
    String sha1 = ExternalTool.digestOf("sha1sum", source);
    assertThat(xml).contains(sha1);
    write(last, xhash.body(), deflateInto(xml.replace(sha1, "0123456789".repeat(4)).getBytes(StandardCharsets.UTF_8), room));
    assertThat(ExternalTool.ok("ewfinfo", first.toString())).contains("SHA1:\t\t\t" + "0123456789".repeat(4));
    assertThat(ExternalTool.run(List.of("ewfverify", "-q", "-d", "sha1", first.toString())).output()).contains("ewfverify: FAILURE");

    Cli.Run run = Cli.run("report", "verify", first.toString());

    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
  }

  /**
   * A set reached through symbolic links (every segment a link, as a case share often has them):
   * ewfverify verifies it; Custos takes image.E01 for a raw image, hashes the container, and
   * says the media's MD5 is not the one given.
   */
  @Test
  void verifyForeignSet_segmentsAreSymbolicLinks_givenMd5OfTheMedia_custosMustNotSayItDiffers() throws Exception {
    ExternalTool.assumeInstalled("ewfacquire");
    Path source = AcquireE01Test.mixedSource(temp.resolve("drive.bin"), (3 << 20) + 4096);
    Path first = ewfacquire(source, "set", "-S", "1MiB");
    Path links = Files.createDirectories(temp.resolve("links"));
    try (Stream<Path> files = Files.list(temp)) {
      for (Path segment : files.filter(p -> p.getFileName().toString().matches("set\\.E\\d\\d")).toList()) {
        Files.createSymbolicLink(links.resolve(segment.getFileName().toString().replace("set", "linked")), segment);
      }
    }
    Path linked = links.resolve("linked.E01");
    assertThat(ExternalTool.ok("ewfverify", "-q", linked.toString())).contains("ewfverify: SUCCESS");
    String md5 = ExternalTool.digestOf("md5sum", source);

    Cli.Run run = Cli.run("report", "verify", linked.toString(), "--md5", md5);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
  }

  // ---------------------------------------------------------------- table2, EnCase's copy of the table

  /**
   * One table entry spoiled (its Adler-32 no longer matches), table2 intact: libewf reads the
   * chunk through table2 and ewfverify succeeds, ewfexport gives the source. Custos reads the
   * chunk as zeros and says the image's MD5 "now is" another: the media has not changed.
   */
  @Test
  void verifyDirectory_tableEntrySpoiledTable2Intact_custosMustNotSayTheMediaDigestChanged() throws Exception {
    ExternalTool.assumeInstalled("ewfverify");
    // Noise: every chunk stored as is, 32772 bytes, so the spoiled entry still points inside its chunk.
    Path out = acquire(Evidence.randomFile(temp.resolve("noise.bin"), (3 << 20) + 4096, 11));
    Path second = out.resolve("image.E02");
    Section table = section(second, "table");
    byte[] entry = read(second, table.body() + 24 + 4 * 5, 4);
    ByteBuffer b = ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(0, b.getInt(0) + 4096);
    write(second, table.body() + 24 + 4 * 5, entry);
    assertThat(ExternalTool.ok("ewfverify", "-q", out.resolve("image.E01").toString())).contains("ewfverify: SUCCESS");

    Cli.Run run = Cli.run("report", "verify", out.toString(), "--no-record");

    assertThat(run.out()).as(run.out()).doesNotContain("MD5 of the image now is");
  }

  // ---------------------------------------------------------------- advice

  /**
   * An E01 acquisition killed half-way: report verify says "acquire resume DIR continues it", and
   * acquire resume refuses (an E01 acquisition cannot be resumed).
   */
  @Test
  void verifyDirectory_killedE01Acquisition_mustNotAdviseAResumeThatRefuses() throws Exception {
    Path source = Evidence.randomFile(temp.resolve("big.bin"), 160L << 20, 5);
    Path out = temp.resolve("evidence");
    dev.custos.testing.CustosProcess process = dev.custos.testing.CustosProcess.start(temp, "acquire", "acquire", "image",
        source.toString(), "--out", out.toString(), "--case", "C-1", "--evidence", "E-1", "--examiner", "Jane Doe", "--format", "e01",
        "--compression", "best", "--segment-size", "8MiB", "--hash", "md5,sha1", "--unsigned");
    process.awaitFileSize(out.resolve("image.E03"), 1);
    process.signal("KILL");
    process.exitCode();
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(out.resolve("image.E03")), "the acquisition was too quick to kill");

    Cli.Run verify = Cli.run("report", "verify", out.toString(), "--no-record");
    Cli.Run resume = Cli.run("acquire", "resume", out.toString(), "--unsigned");

    assertThat(resume.exitCode()).as(resume.err()).isEqualTo(2);
    assertThat(resume.err()).contains("cannot be resumed");
    assertThat(verify.out()).as(verify.out()).doesNotContain("acquire resume " + out + " continues it");
  }
}
