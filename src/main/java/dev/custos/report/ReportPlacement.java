package dev.custos.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.custody.CustodyEvent;
import dev.custos.custody.CustodyLog;
import dev.custos.custody.CustodyRecorder;
import dev.custos.custody.CustodyVerdict;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.image.WriteOnce;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Puts a rendered report into an evidence directory and records it, so that a {@code kill -9}, a
 * power cut or a full disk at any instant leaves a directory {@code report verify} reads as it is.
 * All of it under the custody log's append lock, in this order:
 *
 * <ol>
 *   <li>a {@code report-render-started} event: the name the report is going to have, its SHA-256,
 *       size and the log head it shows, recorded before any byte of it is written;
 *   <li>room kept for the last event ({@link #ROOM}, {@value #ROOM_BYTES} bytes);
 *   <li>the bytes to a hidden temporary name, fsync'ed and made read-only, then hard-linked to the
 *       report's name (never over an existing file) and the temporary name removed ({@link
 *       WriteOnce#writeNew});
 *   <li>the room given back, and the {@code report-rendered} event, with the same facts.
 * </ol>
 *
 * <p>Stopped before the link, no report exists and the started event says a render began; stopped
 * after it, the report is in place and the started event recorded its SHA-256 in advance: verify
 * names it as placed by an interrupted render, not as a PDF from elsewhere. A temporary file left
 * behind is kept (the name it was for is not used again), since nothing proves it never was the
 * report's only name. Stateless.
 */
final class ReportPlacement {
  /** The event recorded before a report is written. */
  static final String STARTED = "report-render-started";
  /** The event recorded once it is in place. */
  static final String RENDERED = "report-rendered";
  /** Room kept for the {@code report-rendered} event while the report is written; not evidence. */
  static final String ROOM = ".custos-render-reserve";
  static final int ROOM_BYTES = 64 * 1024;

  private ReportPlacement() {}

  /**
   * Places {@code pdf} as the next free report name of {@code directory} and records it.
   *
   * @param record the facts both events carry ({@code sha256}, {@code sizeBytes}, {@code signed},
   *     {@code logHead}); the file name is added here
   * @return the report's path
   * @throws CustodyBrokenException if the log is found broken under the lock: nothing is written
   * @throws EvidenceWriteException if an event, the room or the report cannot be written; the
   *     message says what is in the directory then
   */
  static Path place(Path directory, byte[] pdf, ObjectNode record, CustodyRecorder recorder, ReportRendering.Checkpoint checkpoint)
      throws EvidenceWriteException, CustodyBrokenException {
    return recorder.whileLocked(directory, log -> {
      String name = freeName(directory, logAsItIs(directory));
      ObjectNode data = CustodyRecorder.newData();
      data.put("file", name);
      data.setAll(record);
      CustodyEvent started;
      try {
        started = log.append(STARTED, data.deepCopy());
      } catch (EvidenceWriteException e) {
        throw new EvidenceWriteException("cannot record the start of the render: " + e.getMessage() + "; no report was written", e);
      }
      checkpoint.reached("started-recorded");
      String interrupted = EvidenceDirectory.CUSTODY_LOG + " seq " + started.seq() + " records the render as started";
      Path target = directory.resolve(name);
      try {
        keepRoom(directory);
        checkpoint.reached("room-kept");
        WriteOnce.writeNew(target, pdf, checkpoint::reached);
      } catch (IOException e) {
        giveRoomBack(directory);
        throw new EvidenceWriteException("cannot write the report " + target + ": " + e.getMessage() + "; no report was placed ("
            + interrupted + "); run report render again once there is room", e);
      }
      checkpoint.reached("placed");
      giveRoomBack(directory);
      try {
        log.append(RENDERED, data);
      } catch (EvidenceWriteException e) {
        throw new EvidenceWriteException(target + " is in place, but the custody log could not record it: " + e.getMessage()
            + "; report verify names it as placed by an interrupted render (" + interrupted
            + ", with its SHA-256); run report render again for a report recorded as rendered", e);
      }
      checkpoint.reached("rendered-recorded");
      return target;
    });
  }

  /** The log as it is now, under the lock: the names taken are decided from it. */
  private static CustodyVerdict logAsItIs(Path directory) throws EvidenceWriteException, CustodyBrokenException {
    CustodyVerdict verdict;
    try {
      verdict = CustodyLog.check(directory);
    } catch (UsageException e) {
      throw new EvidenceWriteException("cannot read the custody log again before placing the report: " + e.getMessage(), e);
    }
    if (!verdict.intact()) {
      throw new CustodyBrokenException("the custody log of " + directory + " is broken (" + verdict.breaks().get(0)
          + "); no report was written: run report custody " + directory);
    }
    return verdict;
  }

  /**
   * {@code report.pdf}, or the first of {@code report-2.pdf}, … that is not in the directory, not
   * named by a {@code report-rendered} event (a recorded report that went missing keeps its name,
   * so its loss shows), and has no temporary file left by an interrupted render (kept, untouched).
   * A name only a started event holds, with nothing on disk, was never placed: it is used again.
   */
  static String freeName(Path directory, CustodyVerdict log) {
    Set<String> recorded = new HashSet<>();
    for (CustodyEvent event : log.events()) {
      if (RENDERED.equals(event.type()) && event.data().path("file").isTextual()) {
        recorded.add(event.data().path("file").textValue());
      }
    }
    for (int n = 1; ; n++) {
      String name = n == 1 ? "report.pdf" : "report-" + n + ".pdf";
      Path target = directory.resolve(name);
      if (!recorded.contains(name) && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)
          && !Files.exists(WriteOnce.temporaryOf(target), LinkOption.NOFOLLOW_LINKS)) {
        return name;
      }
    }
  }

  /**
   * Writes {@link #ROOM}: space the {@code report-rendered} event finds free once it is given back,
   * when the report has taken the rest. Not zeros, which a compressing file system would not store.
   */
  private static void keepRoom(Path directory) throws IOException {
    Path room = directory.resolve(ROOM);
    Files.deleteIfExists(room); // left by a render that was killed: never evidence
    byte[] bytes = new byte[ROOM_BYTES];
    new Random(ROOM_BYTES).nextBytes(bytes);
    try (FileChannel channel = FileChannel.open(room, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  private static void giveRoomBack(Path directory) {
    try {
      Files.deleteIfExists(directory.resolve(ROOM));
    } catch (IOException e) {
      // Left behind it costs 64 KiB, not evidence; the next render removes it.
    }
  }
}
