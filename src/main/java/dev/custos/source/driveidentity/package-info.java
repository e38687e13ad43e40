/**
 * What a drive says about itself: the read-only identity queries Custos runs on a block-device
 * source ({@code hdparm -I}, {@code smartctl -x --json=c}, {@code nvme id-ctrl}/{@code id-ns}/{@code
 * list-ns}), their transcripts as recorded, and the typed reading of those transcripts.
 *
 * <p>Entry points: {@link dev.custos.source.driveidentity.QueryPlan} (which queries a source is
 * asked at a moment, or why not), {@link dev.custos.source.driveidentity.DriveQuery} (each query's
 * exact command line), {@link dev.custos.source.driveidentity.QueryRunner} (runs one with a time
 * limit, never throwing), {@link dev.custos.source.driveidentity.Answer} (what one output comes to:
 * facts, or "not available" and why), {@link dev.custos.source.driveidentity.Transcript} (one query
 * as the manifest records it), {@link dev.custos.source.driveidentity.DriveIdentity} (what the
 * transcripts of a run say before and after the read, and how the drive changed between them).
 * The readers of each tool's output ({@code SmartctlJson}, {@code HdparmIdentify}, {@code NvmeJson})
 * are package-private.
 */
package dev.custos.source.driveidentity;
