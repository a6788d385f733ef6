package kz.qorgau.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' DNS: names answer what a test told them to, so that receivers with names, and names that
 * change their answer, are tried without a network. A name no test set does not resolve.
 */
@ApplicationScoped
public class TestReceiverResolver implements ReceiverResolver {

    private static final Map<String, List<InetAddress>> ANSWERS = new ConcurrentHashMap<>();

    public static void answer(String host, String... addresses) {
        List<InetAddress> resolved = java.util.Arrays.stream(addresses)
                .map(a -> {
                    try {
                        return InetAddress.getByName(a);
                    } catch (UnknownHostException e) {
                        throw new IllegalArgumentException(a, e);
                    }
                })
                .toList();
        ANSWERS.put(host, resolved);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> answer = ANSWERS.get(host);
        if (answer == null) {
            throw new UnknownHostException(host);
        }
        return answer;
    }
}
