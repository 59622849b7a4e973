package org.upright.notification.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs are acceptable: http or https, at most 2048 characters, without a user name or
 * password (the signature authenticates the sender), and, unless private addresses are allowed (dev
 * and tests), none that resolves to a loopback, private, link-local or unspecified address, so
 * that a webhook cannot be aimed at the service's own network (SSRF).
 */
final class EndpointAddresses {

    private EndpointAddresses() {
    }

    static final int MAX_LENGTH = 2048;

    /** @return what is wrong with the URL, if anything */
    static Optional<String> problem(String url, boolean allowPrivate) {
        if (url != null && url.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters long");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of("must be an http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password: they would show wherever the URL does");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || isUniqueLocal(address)) {
                    return Optional.of("points at a loopback or private address, which is refused");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve");
        }
        return Optional.empty();
    }

    /** IPv6 unique local addresses (fc00::/7), which Java does not count as site-local. */
    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
