package org.neuralstyle.studio;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The errors the web server answers itself, before the studio sees the request (a path with an encoded "..", a
 * malformed request line): the API's one line of JSON instead of Jetty's HTML page.
 */
final class JsonErrorPages extends ErrorHandler {

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        response.getWriter().write(body(code));
    }

    /** {"error": "..."}: what the server would not do, in words a client can show. */
    static String body(int status) {
        String message = status == 404 ? "no such page or API"
                : status >= 500 ? "the server failed on this request"
                : "the request was refused (status " + status + "): its path or form is not one this server takes";
        return "{\"error\":\"" + message + "\"}";
    }
}
