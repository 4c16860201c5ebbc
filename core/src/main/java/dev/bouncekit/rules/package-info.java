/** Phrase rules as data: the rules file format, and its compilation into a single linear-time matcher. */
package dev.bouncekit.rules;
