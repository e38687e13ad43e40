package dev.custos.acquire;

import dev.custos.error.SourceAccessException;
import dev.custos.error.UsageException;
import dev.custos.evidence.Manifest;
import dev.custos.source.SourceIdentity;
import dev.custos.source.SourceInspector;
import dev.custos.source.SourceState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches a source for change across a read: its {@link SourceState} when reading begins, and
 * again when it ends. Any difference, and a size other than the one read, ends the acquisition
 * {@code failed: source changed during acquisition}. A block device is inspected again at the end,
 * so that another drive under the same node (model, serial, size) is seen. Called from the reading
 * thread only.
 */
final class SourceWatch {
  /** The reason an acquisition of a changing source ends with, before the changes. */
  static final String CHANGED = "source changed during acquisition";

  private final SourceIdentity identity;
  private final SourceInspector inspector;
  private final SourceState before;

  private SourceWatch(SourceIdentity identity, SourceInspector inspector, SourceState before) {
    this.identity = identity;
    this.inspector = inspector;
    this.before = before;
  }

  /**
   * Takes the state of {@code identity}'s source now, before the first read.
   *
   * @throws SourceAccessException if it cannot be taken (the source vanished since it was identified)
   */
  static SourceWatch start(SourceIdentity identity, SourceInspector inspector) throws SourceAccessException {
    try {
      return new SourceWatch(identity, inspector, SourceState.of(identity, identity));
    } catch (IOException | RuntimeException e) {
      throw new SourceAccessException("cannot stat source " + identity.path() + " before reading it: " + e.getMessage(), e);
    }
  }

  SourceState before() {
    return before;
  }

  /**
   * The state now, compared with the state before and with the size read.
   *
   * @return the states and every change found (empty when none could be seen); the state after is
   *     null when it could not be taken, which is itself a change
   */
  Manifest.SourceStates end() {
    List<String> changes = new ArrayList<>();
    if (before.sizeBytes() != identity.sizeBytes()) {
      changes.add("size when reading began " + before.sizeBytes() + " bytes, identified as " + identity.sizeBytes());
    }
    SourceState after = null;
    try {
      SourceIdentity now = identity.kind().isDevice() ? inspector.inspect(identity.path()) : identity;
      after = SourceState.of(identity, now);
      changes.addAll(before.differences(after));
    } catch (UsageException | IOException | RuntimeException e) {
      changes.add("its state can no longer be taken: " + e.getMessage());
    }
    return new Manifest.SourceStates(before, after, changes);
  }
}
