/**
 * The command line: picocli commands that parse, call one use case and print. No logic of their
 * own; exit codes are decided in one place, {@link dev.custos.cli.ExitCodes}.
 *
 * <p>Entry point: {@link dev.custos.cli.Main}.
 */
package dev.custos.cli;
