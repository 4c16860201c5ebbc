package dev.bouncekit.e2e;

import com.google.common.net.InetAddresses;
import org.apache.james.dnsservice.api.InMemoryDNSService;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * James's in-memory DNS, which never leaves the machine, plus IP literals: James resolves the
 * networks and masks of {@code authorizedAddresses} (127.0.0.0/8, 255.0.0.0) through its DNS service.
 */
final class LoopbackDnsService extends InMemoryDNSService {

    @Override
    public InetAddress getByName(String host) throws UnknownHostException {
        if (host != null && InetAddresses.isInetAddress(host)) {
            return InetAddresses.forString(host);
        }
        return super.getByName(host);
    }
}
