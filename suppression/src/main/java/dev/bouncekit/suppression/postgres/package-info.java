/** The store a James cluster shares: PostgreSQL over JDBC, its schema kept by Flyway. */
package dev.bouncekit.suppression.postgres;
