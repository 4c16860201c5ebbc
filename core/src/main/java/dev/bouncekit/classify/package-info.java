/** The classifier: reply text plus optional delivery context in, classification out. */
package dev.bouncekit.classify;
