package dev.bouncekit.bench;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail as it ships, SMTP only, on 127.0.0.1 and an ephemeral port: the baseline. */
public final class StockGreenMail implements SmtpEndpoint {

    private final GreenMail greenMail;

    private StockGreenMail(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts a server. */
    public static StockGreenMail start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return new StockGreenMail(greenMail);
    }

    @Override
    public String name() {
        return "GreenMail " + GreenMail.class.getPackage().getImplementationVersion();
    }

    @Override
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    @Override
    public void clearMail() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("GreenMail could not purge its mailboxes", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
