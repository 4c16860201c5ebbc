package dev.bouncekit.receiver;

/**
 * How much a receiver has dropped under its {@link Retention} since it started (or was reset).
 *
 * @param messages    stored messages evicted
 * @param transcripts connection transcripts evicted
 * @param refusals    refusals evicted
 * @param exchanges   exchanges dropped from connections over the per-connection cap
 */
public record Evictions(long messages, long transcripts, long refusals, long exchanges) {
}
