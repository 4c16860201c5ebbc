/** The catalog of provider replies exactly as sent on the wire, with their stage and expected classification. */
package dev.bouncekit.catalog;
