/**
 * The evidence directory and what it holds: the manifest ({@code acquisition.json}), its model and
 * JSON form, and its validation against {@code evidence-schema/acquisition.schema.json}.
 *
 * <p>Entry points: {@link dev.custos.evidence.EvidenceDirectory} (the layout and the refusals of a
 * directory that already holds evidence), {@link dev.custos.evidence.Manifest} (the model), {@link
 * dev.custos.evidence.ManifestJson} (its JSON), {@link dev.custos.evidence.EvidenceSchema}
 * (validation), {@link dev.custos.evidence.CaseInfo}, {@link dev.custos.evidence.EvidenceClock} (the UTC
 * times records hold), {@link dev.custos.evidence.TimeDisplay} (those times as a person reads them,
 * with a zone's local time beside), {@link dev.custos.evidence.Invocation} (the command line a run
 * was typed as, and where it wrote).
 */
package dev.custos.evidence;
