package dev.bouncekit.example.orders;

/**
 * An order whose confirmation is mailed.
 *
 * @param id       the order number, e.g. {@code A-1001}
 * @param customer the customer's email address
 * @param item     what was bought
 */
public record Order(String id, String customer, String item) {
}
