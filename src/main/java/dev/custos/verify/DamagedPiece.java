package dev.custos.verify;

/**
 * A piece of the image that is not as recorded.
 *
 * @param index the piece's number, from 0
 * @param missing whether bytes of it are missing from the image files (else its digest differs)
 * @param span where it lies
 */
public record DamagedPiece(int index, boolean missing, ImageMap.Span span) {}
