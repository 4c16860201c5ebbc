/** Reply rules as data: the YAML scenario files of {@code bouncekit serve} and the JSON of {@code PUT /api/rules}. */
package dev.bouncekit.server.scenario;
