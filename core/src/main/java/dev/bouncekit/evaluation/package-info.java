/** Scoring a classifier against labelled reply files. */
package dev.bouncekit.evaluation;
