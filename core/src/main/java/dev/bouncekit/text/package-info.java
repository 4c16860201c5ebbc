/** Text mechanics shared by rules and provider detection: normalization and a multi-phrase Aho-Corasick index. */
package dev.bouncekit.text;
