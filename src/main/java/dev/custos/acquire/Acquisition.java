package dev.custos.acquire;

import dev.custos.custody.CustodyRecorder;
import dev.custos.digest.PieceDigest;
import dev.custos.digest.ProgressListener;
import dev.custos.error.CustodyBrokenException;
import dev.custos.error.EvidenceWriteException;
import dev.custos.error.SourceAccessException;
import dev.custos.error.SourceChangedException;
import dev.custos.error.UsageException;
import dev.custos.evidence.AcquisitionRun;
import dev.custos.evidence.EvidenceClock;
import dev.custos.evidence.EvidenceDirectory;
import dev.custos.evidence.HostInfo;
import dev.custos.evidence.Invocation;
import dev.custos.evidence.Manifest;
import dev.custos.evidence.ToolInfo;
import dev.custos.image.ImageReader;
import dev.custos.io.SourceFileKey;
import dev.custos.rescue.Area;
import dev.custos.source.ReadOnlySource;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceInspector;
import dev.custos.source.WriteBlock;
import dev.custos.source.WriteBlockGuard;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The acquisition use case: checks everything that can be checked before writing, then reads the
 * source once, in order, through the block pipeline, and writes the image and the manifest.
 *
 * <p>Each run is independent; an instance may run several acquisitions, one at a time or at once.
 */
public final class Acquisition {
  /** Room for the manifest and its piece digests beyond the image itself. */
  private static final long MANIFEST_ALLOWANCE = 16L << 20;

  private final SourceInspector inspector;
  private final WriteBlockGuard writeBlockGuard;
  private final EvidenceClock clock;
  private final HostInfo host;
  private final ToolInfo tool;
  private final CustodyRecorder recorder;
  private final Checkpoint checkpoint;
  private final DriveIdentityCapture identityCapture;
  /** The command line this run was typed as; empty for a run not started from one. */
  private final Optional<Invocation> invocation;

  /**
   * Where writing the manifest has got to: {@code manifest-staged} (under its temporary name),
   * {@code manifest-recorded} (the ending event appended), {@code manifest-linked} ({@code
   * acquisition.json} too), {@code manifest-placed}. A seam for the tests that stop a real process
   * at each instant; called on the reading thread.
   */
  @FunctionalInterface
  public interface Checkpoint {
    /** Nothing to do at any step. */
    Checkpoint NONE = step -> { };

    void reached(String step);
  }

  /**
   * @param inspector identifies the source
   * @param writeBlockGuard applies the write-block rules
   * @param clock time source of the evidence
   * @param host the workstation, as recorded
   * @param tool this tool, as recorded
   * @param recorder records the acquisition's custody events, signed or not
   */
  public Acquisition(SourceInspector inspector, WriteBlockGuard writeBlockGuard, EvidenceClock clock, HostInfo host, ToolInfo tool,
      CustodyRecorder recorder) {
    this(inspector, writeBlockGuard, clock, host, tool, recorder, Checkpoint.NONE);
  }

  /** As {@link #Acquisition(SourceInspector, WriteBlockGuard, EvidenceClock, HostInfo, ToolInfo, CustodyRecorder)}, telling {@code checkpoint} each step. */
  public Acquisition(SourceInspector inspector, WriteBlockGuard writeBlockGuard, EvidenceClock clock, HostInfo host, ToolInfo tool,
      CustodyRecorder recorder, Checkpoint checkpoint) {
    this(inspector, writeBlockGuard, clock, host, tool, recorder, checkpoint, Optional.empty());
  }

  private Acquisition(SourceInspector inspector, WriteBlockGuard writeBlockGuard, EvidenceClock clock, HostInfo host, ToolInfo tool,
      CustodyRecorder recorder, Checkpoint checkpoint, Optional<Invocation> invocation) {
    this.invocation = invocation;
    this.checkpoint = java.util.Objects.requireNonNull(checkpoint, "checkpoint");
    this.inspector = inspector;
    this.writeBlockGuard = writeBlockGuard;
    this.clock = clock;
    this.host = host;
    this.tool = tool;
    this.recorder = recorder;
    this.identityCapture = DriveIdentityCapture.system(clock);
  }

  /**
   * This acquisition, recording that it runs as {@code typed}: the manifest, the {@code
   * acquisition-started} or {@code -resumed} event and a resumption record it, with the evidence
   * directory's real path.
   */
  public Acquisition invokedAs(Invocation typed) {
    return new Acquisition(inspector, writeBlockGuard, clock, host, tool, recorder, checkpoint,
        Optional.of(java.util.Objects.requireNonNull(typed, "typed")));
  }

  /**
   * Acquires the source into a new evidence directory.
   *
   * @return the manifest written: completed, or interrupted when {@code stop} was signalled
   * @throws UsageException for a refusal before anything was written (the message says why),
   *     among them another Custos process acquiring into the directory or from the source
   * @throws EvidenceWriteException if the image or manifest could not be written; what was written
   *     is kept and, where the disk allowed, a manifest records the failure
   * @throws SourceAccessException if the source vanished or shrank; as above
   * @throws SourceChangedException if the source changed while it was read (written, grown,
   *     replaced, another drive): the manifest records the acquisition {@code failed} and names the change
   * @throws CustodyBrokenException if the custody log was found edited when an event was to be
   *     appended
   * @throws InterruptedException if the calling thread was interrupted
   */
  public Manifest run(AcquisitionRequest request, ProgressListener listener, StopSignal stop)
      throws UsageException, EvidenceWriteException, SourceAccessException, SourceChangedException, CustodyBrokenException,
      InterruptedException {
    EvidenceDirectory directory = EvidenceDirectory.forNewAcquisition(request.outputDirectory());
    Path sourcePath = SourceProvenance.sourceFor(request.source());
    Optional<Manifest.Provenance> provenance = SourceProvenance.of(sourcePath);
    request = request.reading(sourcePath, SourceProvenance.withRecorded(request.algorithms(), provenance));
    SourceIdentity source = inspector.inspect(request.source());
    OutputChecks.check(request, source, directory, MANIFEST_ALLOWANCE, 0);
    SourceFileKey notSource = keyOf(source);
    WriteBlock writeBlock = writeBlockGuard.secure(source, request.setReadOnly(), request.hardwareBlocker());
    directory.create();
    try (AcquisitionLocks locks = AcquisitionLocks.ofDirectory(directory.root())) {
      locks.alsoSource(source, notSource);
      // Again, now that no other Custos process can write here: one may have just finished.
      EvidenceDirectory.forNewAcquisition(directory.root());
      directory.requireSourceNotInside(notSource);
      directory.requireNoReserve();
      directory.reserveRoom(MANIFEST_ALLOWANCE, notSource);
      try (ReadOnlySource reader = openSource(source)) {
        DriveIdentityRun identity = DriveIdentityRun.before(identityCapture, source, directory.root(), List.of());
        SourceWatch watch = SourceWatch.start(source, inspector);
        AcquisitionEvents events = new AcquisitionEvents(recorder.notWritingTo(notSource), directory, source.logicalSectorSize(),
            System.nanoTime());
        String destination = directory.realPath();
        Optional<Invocation> typed = invocation.map(run -> run.writingTo(destination));
        Instant started = events.started(request, source, writeBlock, reader.errorUnit(), watch.before(), provenance, typed,
            identity.thisRunBefore());
        PassOutcome outcome = readRun(request, reader, writeBlock, directory, events, watch, notSource, provenance, typed, identity)
            .read(PassStart.fresh(started), listener, stop);
        if (outcome instanceof PassOutcome.Recorded recorded) {
          return recorded.manifest();
        }
        throw new IllegalStateException("a new acquisition has no recorded pieces to mismatch: " + outcome);
      } catch (IOException e) {
        throw new SourceAccessException("cannot close source " + source.path() + ": " + e.getMessage(), e);
      } finally {
        directory.releaseRoom();
      }
    }
  }

  /**
   * Continues an interrupted acquisition from where its image and progress record say it got:
   * the image is re-hashed from byte 0 (so the whole-image digests cover every byte) and checked,
   * piece by piece, against the recorded SHA-256 pieces, or, when the pieces are CRCs (which prove
   * nothing), against the source read again, byte for byte; the source is read, and written into
   * the image, from the first piece not in the image or not as it should be. Ends with the image
   * and digests an uninterrupted run would have.
   *
   * @return the manifest written, as {@link #run}
   * @throws UsageException if there is nothing to resume, the source is another drive or a file
   *     changed since the last pass began (its size, times or inode), or another
   *     Custos process holds the directory or the source
   * @throws CustodyBrokenException if the custody log is broken: nothing is resumed
   * @throws EvidenceWriteException if the image, manifest or log cannot be written; as {@link #run}
   * @throws SourceAccessException as {@link #run}
   * @throws SourceChangedException as {@link #run}
   * @throws InterruptedException if the calling thread was interrupted
   */
  public Manifest resume(ResumeRequest request, ProgressListener listener, StopSignal stop)
      throws UsageException, EvidenceWriteException, SourceAccessException, SourceChangedException, CustodyBrokenException,
      InterruptedException {
    EvidenceDirectory directory = EvidenceDirectory.toResume(request.directory());
    try (AcquisitionLocks locks = AcquisitionLocks.ofDirectory(directory.root())) {
      InterruptedAcquisition state = InterruptedAcquisition.read(directory.root(), request.source(), request.setReadOnly(),
          request.hardwareBlocker());
      AcquisitionRequest acquisition = state.request();
      if (acquisition.layout().isE01()) {
        throw new UsageException(directory.root() + " holds an interrupted E01 acquisition, which cannot be resumed: the chunk"
            + " tables of its last segment were never written; acquire again into a new directory");
      }
      SourceIdentity source = inspector.inspect(acquisition.source());
      state.requireSameSource(source);
      SourceFileKey notSource = keyOf(source);
      directory.requireSourceNotInside(notSource);
      Optional<String> manifestSha256 = state.checkedManifestSha256(directory.root());
      Optional<InterruptedManifests.SetAside> setAsideBefore = state.unrecordedSetAside(directory.root());
      WriteBlock writeBlock = writeBlockGuard.secure(source, acquisition.setReadOnly(), acquisition.hardwareBlocker());
      locks.alsoSource(source, notSource);
      try (ReadOnlySource reader = openSource(source)) {
        SourceWatch watch = SourceWatch.start(source, inspector);
        UnchangedSource.require(state, watch.before(), source.path());
        if (reader.errorUnit() != state.errorGranularity()) {
          throw new UsageException("the source now reads in units of " + reader.errorUnit() + " bytes after an error, recorded "
              + state.errorGranularity() + ": refusing to resume with another error granularity");
        }
        Optional<String> interruptionManifest = setAsideBefore.map(InterruptedManifests.SetAside::file)
            .or(() -> manifestSha256.map(sha256 -> EvidenceDirectory.MANIFEST));
        Optional<List<PieceDigest>> vouched = interruptionManifest.isEmpty() ? Optional.empty()
            : state.interruptionPieceDigests(directory.root(), interruptionManifest.get());
        // Only digests the signed log vouches for prove the prefix; without them it is compared with the source.
        boolean compared = !acquisition.pieceAlgorithm().proves() || vouched.isEmpty();
        List<dev.custos.source.driveidentity.Transcript> earlierIdentity =
            state.earlierDriveIdentity(directory.root(), interruptionManifest);
        List<Area> rescueStood = rescueStood(directory, source.sizeBytes());
        ResumePoint point = resumePoint(directory, acquisition, source)
            .agreeingWith(vouched, state.interruptionRecorded(), acquisition.pieceSize(), source.sizeBytes())
            .alignedTo(Math.max(reader.errorUnit(), reader.directIoUnit()), acquisition.pieceSize(), source.sizeBytes());
        SameContentCheck.require(reader, point, acquisition.pieceAlgorithm(), acquisition.pieceSize(), acquisition.blockSize());
        OutputChecks.check(acquisition, source, directory, MANIFEST_ALLOWANCE, point.onDisk());
        directory.reserveRoom(MANIFEST_ALLOWANCE, notSource);
        // Before acquisition.json is set aside: the runs before this one, as their manifests and the progress record tell.
        List<AcquisitionRun> earlierRuns = EarlierRuns.of(directory.root(), state);
        // Recorded by the first pass's event: acquisition.json set aside now, or as a stopped resumption left it.
        Optional<InterruptedManifests.SetAside> setAside = manifestSha256.isEmpty() ? setAsideBefore
            : Optional.of(new InterruptedManifests.SetAside(InterruptedManifests.setAside(directory.root()), manifestSha256.get()));
        AcquisitionEvents events = new AcquisitionEvents(recorder.notWritingTo(notSource), directory, source.logicalSectorSize(),
            System.nanoTime());
        DriveIdentityRun identity = DriveIdentityRun.before(identityCapture, source, directory.root(), earlierIdentity);
        ReadRun run = readRun(acquisition, reader, writeBlock, directory, events, watch, notSource,
            SourceProvenance.of(acquisition.source()), state.recorded().invocation(), identity);
        String destination = directory.realPath();
        Optional<Invocation> typed = invocation.map(resume -> resume.writingTo(destination));
        List<Manifest.Resumption> resumptions = new ArrayList<>(InterruptedManifests.earlierResumptions(state));
        OptionalLong rereadPiece = OptionalLong.empty();
        Instant runStarted = null;
        while (true) {
          // The pass opens the progress record and the image for writing: neither may have become the source.
          directory.requireSourceNotInside(notSource);
          Manifest.Resumption resumption = events.resumed(new Manifest.Resumption(clock.now(), point.offset(),
              point.pieces().size(), rereadPiece, state.interruptionRecorded(), typed), acquisition.pieceAlgorithm(), compared,
              point.note(), setAside, source, writeBlock, watch.before(), identity.thisRunBefore());
          runStarted = runStarted == null ? resumption.time() : runStarted; // a re-read goes on within this run
          setAside = Optional.empty();
          resumptions.add(resumption);
          PassOutcome outcome;
          try (ImageReader prefix = ImageReader.open(point.prefixParts(directory.root(), acquisition.layout()))) {
            outcome = run.read(new PassStart(point.offset(), Optional.of(prefix), point.digests(), point.badSectors(),
                state.started().time(), resumptions, compared, rescueStood, runStarted, earlierRuns), listener, stop);
          }
          if (outcome instanceof PassOutcome.Recorded recorded) {
            return recorded.manifest();
          }
          PassOutcome.PieceMismatch mismatch = (PassOutcome.PieceMismatch) outcome;
          rereadPiece = OptionalLong.of(mismatch.piece());
          point = point.before(mismatch.piece(), acquisition.pieceSize(), source.sizeBytes(), mismatch.why())
              .alignedTo(Math.max(reader.errorUnit(), reader.directIoUnit()), acquisition.pieceSize(), source.sizeBytes());
        }
      } catch (IOException e) {
        throw new EvidenceWriteException("cannot resume in " + directory.root() + ": " + e.getMessage(), e);
      } finally {
        directory.releaseRoom();
      }
    }
  }

  private static ResumePoint resumePoint(EvidenceDirectory directory, AcquisitionRequest request, SourceIdentity source)
      throws UsageException {
    try {
      return ResumePoint.find(directory.root(), request, source.sizeBytes(), source.logicalSectorSize());
    } catch (IOException e) {
      throw new UsageException("cannot resume in " + directory.root() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Where the interrupted acquisition's rescue of a failing source stood, from its progress
   * record; nothing when none is recorded or the record is not of this source's size (then the
   * failed areas are read again from the start: slower, never wrong).
   */
  private static List<Area> rescueStood(EvidenceDirectory directory, long sourceSize) {
    try {
      return ProgressRecord.read(directory.root()) instanceof ProgressRecordFormat.Recorded recorded
          && recorded.header().sourceSize() == sourceSize ? recorded.rescue() : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static SourceFileKey keyOf(SourceIdentity source) throws UsageException {
    try {
      return SourceFileKey.of(source.path());
    } catch (IOException e) {
      throw new UsageException("cannot identify the source " + source.path() + " (its device and inode): " + e.getMessage(), e);
    }
  }

  private ReadRun readRun(AcquisitionRequest request, ReadOnlySource reader, WriteBlock writeBlock, EvidenceDirectory directory,
      AcquisitionEvents events, SourceWatch watch, SourceFileKey notSource, Optional<Manifest.Provenance> provenance,
      Optional<Invocation> started, DriveIdentityRun identity) {
    return new ReadRun(request, reader, writeBlock, directory, events, clock, host, tool, watch, checkpoint, notSource, provenance,
        started, identity);
  }


  private static ReadOnlySource openSource(SourceIdentity source) throws SourceAccessException {
    try {
      return ReadOnlySource.open(source);
    } catch (IOException e) {
      throw new SourceAccessException("cannot open source " + source.path() + " for reading: " + e.getMessage(), e);
    }
  }
}
