/**
 * The EnCase 6 E01 (EWF-E01) format: writing media bytes as compressed, checksummed chunks in
 * segment files, and reading such a set back with every chunk checked.
 *
 * <p>Entry points: {@link dev.custos.image.e01.E01Writer} (with {@link
 * dev.custos.image.e01.E01Settings}, {@link dev.custos.image.e01.E01Media}, {@link
 * dev.custos.image.e01.E01CaseFields}) and {@link dev.custos.image.e01.E01Reader} (with {@link
 * dev.custos.image.e01.E01Info} and {@link dev.custos.image.e01.E01ChunkDamage}). Everything else
 * is package-private. The layout follows libyal's EWF specification and what libewf writes for
 * its {@code encase6} format.
 */
package dev.custos.image.e01;
