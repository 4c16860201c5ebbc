/**
 * Implementation details of bouncekit-junit: rule building, the store-held receiver, transcript
 * analysis and formatting. Not API: these types may change in any release.
 */
package dev.bouncekit.junit.internal;
