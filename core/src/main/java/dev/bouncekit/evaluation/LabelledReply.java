package dev.bouncekit.evaluation;

/**
 * One row of a labelled reply file: a reply with the classification it should get.
 *
 * @param line       line number in the file
 * @param id         row id
 * @param reply      the reply text
 * @param stage      the SMTP stage, or empty
 * @param remoteHost the remote host, or empty
 * @param reason     the expected reason (Sisimai name)
 * @param hard       the expected hard flag ("true"/"false"), or empty
 * @param provider   the expected provider id, or empty for none
 */
public record LabelledReply(int line, String id, String reply, String stage, String remoteHost, String reason,
                            String hard, String provider) {
}
