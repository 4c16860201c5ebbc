/** The fake receiver's HTTP JSON API, served with the JDK's {@code com.sun.net.httpserver}. */
package dev.bouncekit.server.http;
