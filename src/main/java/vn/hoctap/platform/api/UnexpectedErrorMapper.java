package vn.hoctap.platform.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import vn.hoctap.platform.i18n.Messages;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else that goes wrong in the API: a JSON 500 with a reference the log also carries,
 * never an HTML error page or a stack trace. JAX-RS's own errors (404, 405, 415 …) keep their status.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException w) {
            Response r = w.getResponse();
            return ApiExceptionMappers.json(Response.Status.fromStatusCode(r.getStatus()) == null
                            ? Response.Status.BAD_REQUEST : Response.Status.fromStatusCode(r.getStatus()),
                    new ErrorDto("http_" + r.getStatus(), String.valueOf(e.getMessage()), List.of()));
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "API error " + reference, e);
        return ApiExceptionMappers.json(Response.Status.INTERNAL_SERVER_ERROR, new ErrorDto("internal",
                Messages.get(ApiExceptionMappers.locale(headers), "api.internal", reference), List.of()));
    }
}
