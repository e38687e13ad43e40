/**
 * What a drive says about itself: the read-only identity queries Custos runs on a block-device
 * source ({@code hdparm -I}, {@code smartctl -x --json=c}, {@code nvme id-ctrl}/{@code id-ns}/{@code
 * list-ns}), their transcripts as recorded, and the typed reading of those transcripts.
 *
 * <p>Entry points: {@link dev.custos.source.driveidentity.DriveQuery} (which queries a source is
 * asked, and their exact command lines), {@link dev.custos.source.driveidentity.QueryRunner} (runs
 * one with a time limit, never throwing), {@link dev.custos.source.driveidentity.Transcript} (one
 * query as the manifest records it), {@link dev.custos.source.driveidentity.DriveIdentity} (what the
 * transcripts of one moment say, before or after the read, and how the drive changed between them).
 */
package dev.custos.source.driveidentity;
