/**
 * Apache James mailet and matchers over the suppression list: {@link dev.bouncekit.suppression.mailet.SuppressRecipients}
 * records classified bounces, {@link dev.bouncekit.suppression.mailet.IsSuppressed} holds mail back from suppressed
 * recipients, {@link dev.bouncekit.suppression.mailet.IsReputationAlert} picks the bounce that should warn the postmaster.
 */
package dev.bouncekit.suppression.mailet;
