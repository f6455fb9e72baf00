package org.neuralstyle.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The pages listening (server-sent events): each gets every job change as it happens. */
final class StudioEvents {

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json;

    StudioEvents(ObjectMapper json) {
        this.json = json;
    }

    void add(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
    }

    void publish(String event, Object data) {
        String text;
        try {
            text = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (SseClient client : clients) {
            try {
                client.sendEvent(event, text);
            } catch (RuntimeException gone) {
                clients.remove(client);
            }
        }
    }

    void closeAll() {
        for (SseClient client : clients) {
            try {
                client.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        clients.clear();
    }
}
