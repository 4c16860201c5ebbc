/**
 * Apache James mailet, matchers and WebAdmin route over the suppression list: {@link dev.bouncekit.suppression.mailet.SuppressRecipients}
 * records classified bounces, {@link dev.bouncekit.suppression.mailet.IsSuppressed} holds mail back from suppressed
 * recipients, {@link dev.bouncekit.suppression.mailet.IsReputationAlert} picks the bounce that should warn the postmaster,
 * and {@link dev.bouncekit.suppression.mailet.SuppressionRoutes} shows and edits the list over James's WebAdmin.
 */
package dev.bouncekit.suppression.mailet;
