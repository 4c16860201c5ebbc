/** Provider detection from reply text markers, remote host names and mailbox domains; the provider list is data. */
package dev.bouncekit.provider;
