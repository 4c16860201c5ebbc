/**
 * A small mail sender, as an application would write one: Jakarta Mail (Angus) over SMTP, a
 * suppression list for addresses that bounced hard, and retries after temporary failures. Its
 * tests show bouncekit-junit in use.
 */
package dev.bouncekit.sample;
