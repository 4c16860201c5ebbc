/** Reply rules as data: the YAML scenario files of {@code bouncekit serve} and the JSON of {@code PUT /api/v1/rules}. */
package dev.bouncekit.server.scenario;
