/**
 * The fake receiver: a GreenMail-based SMTP server for tests that answers by {@link
 * dev.bouncekit.receiver.ReplyRule}s and {@link dev.bouncekit.receiver.MagicAddresses} with the exact
 * replies providers send, and records every connection. Start with {@link dev.bouncekit.receiver.FakeReceiver}.
 */
package dev.bouncekit.receiver;
