/**
 * GreenMail subclasses and the receiver's machinery (rules, recording, decisions). Not public API:
 * may change in any release.
 */
package dev.bouncekit.receiver.internal;
