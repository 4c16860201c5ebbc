/** RFC 3463 / RFC 5248 enhanced status codes: the value type, the IANA registry with titles, and the reason each code stands for. */
package dev.bouncekit.status;
