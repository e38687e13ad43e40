package dev.custos.custody;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custos.crypto.Signer;
import dev.custos.crypto.TrustAnchors;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.UsageException;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.EvidenceSchema;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.ToolInfo;
import dev.custos.io.SourceFileKey;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Appends events to the custody log of an evidence directory, as one actor on one workstation:
 * signed with the actor's key, or unsigned under a name. Thread-safe; appends to one directory are
 * serialised across threads and processes.
 *
 * <p>An append, under the directory's lock: makes sure the signer's certificate is in the directory
 * ({@code examiner.pem}, or {@code certificates/<sha256>.pem} for a later signer); sets a torn last
 * line aside ({@link TornLine}); chains the event to the last whole one; writes the whole line
 * with one write; fsyncs the log (and the directory when the log is new); and leaves the log
 * read-only (0444). A failed write is cut back off, so the log keeps only whole events.
 */
public final class CustodyRecorder {
  private final Signer signer;
  private final Actor actor;
  private final CustodyEvent.EventHost host;
  private final CustodyEvent.EventTool tool;
  private final EvidenceClock clock;
  private final SignerAcceptance acceptance;
  /** The source of the acquisition this recorder records, or {@code null}: the log and its lock are never it. */
  private final SourceFileKey notSource;

  private CustodyRecorder(Signer signer, Actor actor, CustodyEvent.EventHost host, CustodyEvent.EventTool tool, EvidenceClock clock,
      SignerAcceptance acceptance, SourceFileKey notSource) {
    this.signer = signer;
    this.notSource = notSource;
    this.actor = actor;
    this.host = host;
    this.tool = tool;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.acceptance = Objects.requireNonNull(acceptance, "acceptance");
  }

  private CustodyRecorder(Signer signer, Actor actor, HostInfo host, ToolInfo tool, EvidenceClock clock) {
    this(signer, actor, new CustodyEvent.EventHost(host.hostname(), host.os(), host.user()),
        CustodyEvent.EventTool.of(tool), clock, new SignerAcceptance(clock, TrustAnchors.none()), null);
  }

  /**
   * This recorder, also accepting a signer whose certificate chains (now) to one of {@code anchors}
   * though not to the root of the log's first signer: a hand-over to another lab.
   */
  public CustodyRecorder acceptingSignersTrustedBy(TrustAnchors anchors) {
    return new CustodyRecorder(signer, actor, host, tool, clock, acceptance.trusting(anchors), notSource);
  }

  /**
   * This recorder, appending only to a log (and through a lock file) proven not to be {@code
   * source}: for the events of an acquisition, whose source may have been linked or renamed into
   * the evidence directory under the log's name. A refused append throws {@link
   * EvidenceWriteException} and writes nothing.
   */
  public CustodyRecorder notWritingTo(SourceFileKey source) {
    return new CustodyRecorder(signer, actor, host, tool, clock, acceptance, Objects.requireNonNull(source, "source"));
  }

  /**
   * Refuses a signer from another lab: one whose certificate does not chain to the same root as
   * the log's first signer ({@code examiner.pem}), unless it chains now to an anchor of {@link
   * #acceptingSignersTrustedBy}. A directory without {@code examiner.pem} accepts any signer (it
   * becomes the first); an unsigned recorder is not judged here.
   *
   * @throws UsageException if the signer is refused, or {@code examiner.pem} cannot be read
   */
  public void requireAcceptedSigner(Path directory) throws UsageException {
    if (signer != null) {
      acceptance.requireAcceptedSigner(signer, directory);
    }
  }

  /** A recorder whose events {@code signer} signs. */
  public static CustodyRecorder signed(Signer signer, HostInfo host, ToolInfo tool, EvidenceClock clock) {
    return new CustodyRecorder(signer, new Actor(signer.name(), signer.certificateSha256()), host, tool, clock);
  }

  /** A recorder whose events carry {@code name} and no signature. */
  public static CustodyRecorder unsigned(String name, HostInfo host, ToolInfo tool, EvidenceClock clock) {
    return new CustodyRecorder(null, new Actor(name, null), host, tool, clock);
  }

  /** Whether this recorder signs its events. */
  public boolean signs() {
    return signer != null;
  }

  /** Who records. */
  public Actor actor() {
    return actor;
  }

  /**
   * Appends an event of {@code type} with {@code data} to {@code directory}'s custody log,
   * creating the log if it does not exist.
   *
   * @return the event as written
   * @throws EvidenceWriteException if the log, a certificate or a set-aside file cannot be written;
   *     the log then holds what it held before
   * @throws CustodyBrokenException if the log ends in a line that is neither a whole event nor a
   *     torn append: Custos does not build on a log that was edited
   * @throws IllegalArgumentException if {@code data} would not make a valid event (a non-integer
   *     number, say): a defect of the caller
   */
  public CustodyEvent append(Path directory, String type, ObjectNode data) throws EvidenceWriteException, CustodyBrokenException {
    AppendLock lock = AppendLock.acquire(directory, notSource);
    try {
      return appendLocked(directory, type, data);
    } finally {
      lock.close();
    }
  }

  private CustodyEvent appendLocked(Path directory, String type, ObjectNode data) throws EvidenceWriteException, CustodyBrokenException {
    String stored = signer == null ? null : CertificatePublication.publish(signer, directory);
    ObjectNode signed = stored == null ? data : CertificatePublication.announced(signer, data, stored);
    LogFile log = LogFile.open(directory.resolve(EvidenceDirectory.CUSTODY_LOG), notSource);
    if (log.hasTornLine()) {
      TornLine torn = log.setTornLineAside();
      log.append(event(log.last(), LogEvent.LOG_REPAIRED, torn.describe()));
    }
    CustodyEvent event = event(log.last(), type, signed);
    log.append(event);
    return event;
  }

  /**
   * The data of an event that depends on the log it is appended to (who holds the evidence, which
   * transfer is pending), or a refusal.
   */
  @FunctionalInterface
  public interface EventData {
    /**
     * @param verdict the whole log as it is under the append lock, intact
     * @throws UsageException if the event may not be appended to this log; nothing is then appended
     */
    ObjectNode of(CustodyVerdict verdict) throws UsageException;
  }

  /**
   * Like {@link #appendToIntactLog(Path, String, ObjectNode)}, but the log is checked, and {@code
   * data} decided from it, under the append lock: no other append can come between the check and
   * this event (two hand-overs by one holder at once, say).
   *
   * @throws UsageException as {@link #appendToIntactLog(Path, String, ObjectNode)}, or as {@code data} refuses
   * @throws CustodyBrokenException if the log is broken
   * @throws EvidenceWriteException as {@link #append}
   */
  public CustodyEvent appendToIntactLog(Path directory, String type, EventData data)
      throws UsageException, CustodyBrokenException, EvidenceWriteException {
    EvidenceDirectory.existing(directory);
    CustodyLog.requireAppendable(directory);
    requireAcceptedSigner(directory);
    AppendLock lock = AppendLock.acquire(directory, notSource);
    try {
      CustodyVerdict verdict = CustodyLog.check(directory);
      if (!verdict.intact()) {
        throw new CustodyBrokenException("the custody log of " + directory + " is broken (" + verdict.breaks().get(0)
            + "); nothing was appended: run report custody " + directory);
      }
      return appendLocked(directory, type, data.of(verdict));
    } finally {
      lock.close();
    }
  }

  /** Appends to {@code directory}'s log while its lock is held, as {@link #append}. */
  public interface LockedLog {
    /**
     * Appends an event, as {@link CustodyRecorder#append}, under the lock already held.
     *
     * @throws EvidenceWriteException as {@link CustodyRecorder#append}
     * @throws CustodyBrokenException as {@link CustodyRecorder#append}
     */
    CustodyEvent append(String type, ObjectNode data) throws EvidenceWriteException, CustodyBrokenException;
  }

  /** Work that places a file and records it, done while no other Custos process or thread appends. */
  @FunctionalInterface
  public interface LockedWork<T> {
    T run(LockedLog log) throws EvidenceWriteException, CustodyBrokenException;
  }

  /**
   * Runs {@code work} holding {@code directory}'s append lock the whole time, appending through the
   * {@link LockedLog} it is given: a command that writes a file, records it and puts it in place
   * knows that no other Custos process or thread appends, or places a file the same way, in between
   * (a render choosing a report's name, say). The lock goes when {@code work} returns or throws, and
   * when the process dies ({@link AppendLock}).
   *
   * @return what {@code work} returns
   * @throws EvidenceWriteException if the lock cannot be taken, or as {@code work} throws it
   * @throws CustodyBrokenException as {@code work} throws it
   */
  public <T> T whileLocked(Path directory, LockedWork<T> work) throws EvidenceWriteException, CustodyBrokenException {
    AppendLock lock = AppendLock.acquire(directory, notSource);
    try {
      return work.run((type, data) -> appendLocked(directory, type, data));
    } finally {
      lock.close();
    }
  }

  /**
   * Appends to the custody log of an existing evidence directory, after checking the whole log:
   * an event is never added to a log that is missing or broken, where it would seem to vouch for
   * what came before.
   *
   * @return the event as written
   * @throws UsageException if {@code directory} has no custody log, or it or a file in it is a symbolic link, or
   *     the signer is refused ({@link #requireAcceptedSigner}), or the log or its lock is not a regular
   *     file with one name ({@link CustodyLog#requireAppendable})
   * @throws CustodyBrokenException if the log is broken (the first break is named)
   * @throws EvidenceWriteException as {@link #append}
   */
  public CustodyEvent appendToIntactLog(Path directory, String type, ObjectNode data)
      throws UsageException, CustodyBrokenException, EvidenceWriteException {
    return appendToIntactLog(directory, type, intactLog -> data);
  }

  private CustodyEvent event(CustodyEvent previous, String type, ObjectNode data) {
    long seq = previous == null ? 0 : Math.addExact(previous.seq(), 1);
    String prev = previous == null ? CustodyEvent.NO_PREVIOUS : previous.hash();
    CustodyEvent draft = new CustodyEvent(seq, clock.now(), type, actor, host, tool, data, prev, "0".repeat(64), null);
    byte[] signedBytes = draft.signedBytes();
    String signature = signer == null ? null : Base64.getEncoder().encodeToString(signer.sign(signedBytes));
    CustodyEvent event = new CustodyEvent(seq, draft.time(), type, actor, host, tool, data, prev,
        CustodyEvent.sha256(signedBytes), signature);
    List<String> violations = EvidenceSchema.CUSTODY_EVENT.violations(event.toTree());
    if (!violations.isEmpty()) {
      throw new IllegalArgumentException("a " + type + " event would not be valid: " + violations);
    }
    return event;
  }

  /**
   * Refuses to vouch for a log some of whose events are signed under another root than the log's
   * first signer's ({@code examiner.pem}) and not by a signer {@link #acceptingSignersTrustedBy}
   * accepts: a report signed over such a log would list another lab's (or a forger's) events as if
   * they were the lab's own.
   *
   * @param verdict the log's verdict, read from {@code directory}
   * @throws UsageException naming the first such line
   */
  public void requireSignersAccepted(Path directory, CustodyVerdict verdict) throws UsageException {
    acceptance.requireSignersAccepted(directory, verdict);
  }

  /** An empty data object for callers to fill. */
  public static ObjectNode newData() {
    return JsonNodeFactory.instance.objectNode();
  }
}
