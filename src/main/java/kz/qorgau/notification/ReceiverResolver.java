package kz.qorgau.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a webhook receiver's host name. The service's own resolver asks the system's DNS; the tests put
 * one of their own in its place, so that names and rebinding can be tried without a network.
 */
public interface ReceiverResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
