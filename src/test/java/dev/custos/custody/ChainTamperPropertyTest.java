package dev.custos.custody;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.testing.TestSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every single change to a custody log is caught, and the line it is on is named: for logs of
 * random length, written by two signers and one unsigned actor, every one-byte edit, every deleted
 * line (but the last: a log cut short is found through the head the signed report records),
 * every inserted copy or forgery, and every swap of two lines. An untouched log always verifies.
 */
class ChainTamperPropertyTest {
  private static final int MAX_EVENTS = 12;
  private static Path directory;
  private static CustodyRecorder jane;
  private static CustodyRecorder sam;
  private static CustodyRecorder unsigned;
  private static final ConcurrentMap<Integer, byte[]> LOGS = new ConcurrentHashMap<>();

  @BeforeContainer
  static void writeSigners() throws Exception {
    directory = Files.createTempDirectory("custos-tamper-");
    jane = CustodyFixtures.recorder(TestSigner.named("Jane Doe"));
    sam = CustodyFixtures.recorder(TestSigner.named("Sam Holder"));
    unsigned = CustodyFixtures.unsignedRecorder("Night Clerk");
  }

  @AfterContainer
  static void removeDirectory() throws IOException {
    try (var files = Files.walk(directory)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        path.toFile().setWritable(true);
        Files.deleteIfExists(path);
      }
    }
  }

  /** A log of {@code events} events, written once per length into its own directory, certificates shared. */
  private static byte[] log(int events) {
    return LOGS.computeIfAbsent(events, n -> {
      try {
        Path logDirectory = Files.createDirectories(directory.resolve("log-" + n));
        for (int i = 0; i < n; i++) {
          CustodyRecorder recorder = i % 3 == 0 ? jane : i % 3 == 1 ? sam : unsigned;
          ObjectNode data = CustodyFixtures.note("event " + i + " — ✓").put("bytes", 1_474_560L * i);
          recorder.append(logDirectory, i == 0 ? "acquisition-started" : "note", i == 0 ? started(data) : data);
        }
        return Files.readAllBytes(logDirectory.resolve(EvidenceDirectory.CUSTODY_LOG));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
  }

  private static ObjectNode started(ObjectNode data) {
    data.putObject("case");
    data.putObject("source");
    data.putObject("writeBlock");
    data.putObject("parameters");
    return data;
  }

  private static CustodyVerdict check(int events, byte[] log) {
    return ChainCheck.check(LogLines.of(log), SignerCertificates.in(directory.resolve("log-" + events)));
  }

  private static int firstBreak(CustodyVerdict verdict) {
    assertThat(verdict.intact()).as("the change is caught: %s", verdict.findings()).isFalse();
    return verdict.breaks().get(0).line();
  }

  @Property(tries = 50)
  void untouchedLog_alwaysVerifies(@ForAll @IntRange(min = 1, max = MAX_EVENTS) int events) {
    CustodyVerdict verdict = check(events, log(events));

    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.events()).hasSize(events);
    assertThat(verdict.unsignedEvents()).isEqualTo(events / 3);
  }

  @Property(tries = 400)
  void oneByteEdited_caughtOnItsLine(@ForAll @IntRange(min = 1, max = MAX_EVENTS) int events,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int where, @ForAll @IntRange(min = 1, max = 255) int xor) {
    byte[] log = log(events).clone();
    int position = where % log.length;
    log[position] ^= (byte) xor;

    assertThat(firstBreak(check(events, log))).isEqualTo(lineOf(log(events), position));
  }

  @Example
  void everyByteFlippedInTurn_eachCaughtOnItsLine() {
    byte[] original = log(3);
    int caught = 0;
    for (int position = 0; position < original.length; position++) {
      byte[] log = original.clone();
      log[position] ^= 0x01;
      assertThat(firstBreak(check(3, log))).as("byte %d", position).isEqualTo(lineOf(original, position));
      caught++;
    }
    assertThat(caught).isEqualTo(original.length);
  }

  @Property(tries = 200)
  void lineDeleted_caughtOnTheLineThatTookItsPlace(@ForAll @IntRange(min = 2, max = MAX_EVENTS) int events,
      @ForAll @IntRange(min = 1, max = MAX_EVENTS - 1) int deleted) {
    int line = 1 + (deleted - 1) % (events - 1);
    List<byte[]> lines = lines(log(events));
    lines.remove(line - 1);

    assertThat(firstBreak(check(events, join(lines)))).isEqualTo(line);
  }

  @Property(tries = 200)
  void copyOfALineInserted_caughtAtTheInsertion(@ForAll @IntRange(min = 1, max = MAX_EVENTS) int events,
      @ForAll @IntRange(min = 1, max = MAX_EVENTS) int copied, @ForAll @IntRange(min = 1, max = MAX_EVENTS + 1) int at) {
    List<byte[]> lines = lines(log(events));
    int source = 1 + (copied - 1) % events;
    int position = 1 + (at - 1) % (events + 1);
    lines.add(position - 1, lines.get(source - 1));

    // A copy put just before its original makes the same file as one put just after it.
    int expected = position == source ? source + 1 : position;
    assertThat(firstBreak(check(events, join(lines)))).isEqualTo(expected);
  }

  @Property(tries = 200)
  void forgedLineInserted_caughtAtTheInsertion(@ForAll @IntRange(min = 1, max = MAX_EVENTS) int events,
      @ForAll @IntRange(min = 1, max = MAX_EVENTS) int copied, @ForAll @IntRange(min = 1, max = MAX_EVENTS + 1) int at) {
    List<byte[]> lines = lines(log(events));
    int source = 1 + (copied - 1) % events;
    int position = 1 + (at - 1) % (events + 1);
    byte[] original = lines.get(source - 1);
    lines.add(position - 1, forge(original));

    // An unsigned event can be rewritten by anyone: a forgery put in its place is caught only at
    // the original it displaces, the line after. A signed one is caught where it stands.
    boolean unsignedInPlace = !EventReader.read(original).event().signed() && position == source;
    assertThat(firstBreak(check(events, join(lines)))).isEqualTo(unsignedInPlace ? source + 1 : position);
  }

  @Property(tries = 200)
  void twoLinesSwapped_caughtAtTheFirst(@ForAll @IntRange(min = 2, max = MAX_EVENTS) int events,
      @ForAll @IntRange(min = 1, max = MAX_EVENTS) int first, @ForAll @IntRange(min = 1, max = MAX_EVENTS) int second) {
    int a = 1 + (first - 1) % events;
    int b = 1 + (second - 1) % events;
    if (a == b) {
      b = a == events ? 1 : a + 1;
    }
    List<byte[]> lines = lines(log(events));
    byte[] kept = lines.get(a - 1);
    lines.set(a - 1, lines.get(b - 1));
    lines.set(b - 1, kept);

    assertThat(firstBreak(check(events, join(lines)))).isEqualTo(Math.min(a, b));
  }

  /**
   * A forgery by someone without the key: the note's text changed and the hash recomputed, so the
   * line is canonical and its hash matches, but the signature (if any) is the old one.
   */
  private static byte[] forge(byte[] line) {
    EventReader.Result read = EventReader.read(line);
    CustodyEvent event = read.event();
    ObjectNode data = (ObjectNode) event.data();
    data.put("text", "forged");
    CustodyEvent draft = new CustodyEvent(event.seq(), event.time(), event.type(), event.actor(), event.host(), event.tool(),
        data, event.prev(), event.hash(), event.signature());
    CustodyEvent forged = new CustodyEvent(event.seq(), event.time(), event.type(), event.actor(), event.host(), event.tool(),
        data, event.prev(), CustodyEvent.sha256(draft.signedBytes()), event.signature());
    byte[] bytes = forged.line();
    return java.util.Arrays.copyOf(bytes, bytes.length - 1);
  }

  /** The line (from 1) byte {@code position} of {@code log} belongs to; a line end belongs to its line. */
  private static int lineOf(byte[] log, int position) {
    int line = 1;
    for (int i = 0; i < position; i++) {
      if (log[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static List<byte[]> lines(byte[] log) {
    LogLines split = LogLines.of(log);
    List<byte[]> lines = new ArrayList<>();
    for (int i = 1; i <= split.count(); i++) {
      lines.add(split.line(i));
    }
    return lines;
  }

  private static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      out.writeBytes(line);
      out.write('\n');
    }
    return out.toByteArray();
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
