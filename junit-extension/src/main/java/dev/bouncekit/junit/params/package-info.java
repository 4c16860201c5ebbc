/**
 * Parameterized-test sources over bouncekit's catalog of provider replies:
 * {@link dev.bouncekit.junit.params.CatalogSource}.
 */
package dev.bouncekit.junit.params;
