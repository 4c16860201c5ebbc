/** The classification vocabulary: reasons (Sisimai 5.5 names), who owns a failure and what to do about it. */
package dev.bouncekit.taxonomy;
