/**
 * The rescue of a failing source, good data first, as GNU ddrescue reads one: the state of every
 * area ({@link dev.custos.rescue.RescueMap}, {@link dev.custos.rescue.AreaState}), the first copy
 * pass that the block pipeline reads through ({@link dev.custos.rescue.CopyPass}: each block once,
 * skipping ahead after a failure), and the phases after it ({@link dev.custos.rescue.RescuePhases}:
 * the skipped areas, trimming and scraping the failed ones sector by sector, the retry passes).
 * Reads go through {@link dev.custos.source.BlockSource}, which cannot write; what is read goes to
 * the image through {@link dev.custos.rescue.RecoveredBytes}.
 */
package dev.custos.rescue;
