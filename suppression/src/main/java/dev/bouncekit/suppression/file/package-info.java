/** The embedded store: one journal file, nothing to install. */
package dev.bouncekit.suppression.file;
