/**
 * The acquisition report: a PDF/A-3b document a court can keep, rendered from the manifest and the
 * custody log, with both attached byte for byte. Signing it (PAdES) builds on the bytes rendered here.
 *
 * <p>Entry points: {@link dev.custos.report.ReportRenderer#render} renders a {@link
 * dev.custos.report.ReportInput}; {@link dev.custos.report.SignatureBlock} says who signs, or that
 * nobody does. Everything else (page layout with pagination, tables, the sector map, the read-rate
 * graph, PDF/A metadata, attachments) is package-private.
 */
package dev.custos.report;
