/**
 * A suppression list fed by classified bounces: {@link dev.bouncekit.suppression.Suppression} (one
 * address on the list, or being watched), {@link dev.bouncekit.suppression.SuppressionPolicy} (which
 * bounces suppress, after how many, for how long), and {@link dev.bouncekit.suppression.SuppressionStore}
 * with its two implementations, opened by {@link dev.bouncekit.suppression.SuppressionStores#open(String)}.
 */
package dev.bouncekit.suppression;
