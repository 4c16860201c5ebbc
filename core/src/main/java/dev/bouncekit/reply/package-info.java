/** Reply parsing: any delivery-failure text into a structured SMTP reply (basic code, RFC 3463 enhanced code, text lines, mentioned addresses). */
package dev.bouncekit.reply;
