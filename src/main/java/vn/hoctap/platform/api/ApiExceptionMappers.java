package vn.hoctap.platform.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import vn.hoctap.platform.i18n.Messages;
import vn.hoctap.shared.AccessDeniedException;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.ValidationFailure;

import java.util.List;
import java.util.Locale;

/** Turns the services' exceptions into JSON answers with the right status, in Vietnamese or English. */
public final class ApiExceptionMappers {

    private ApiExceptionMappers() {
    }

    /** The reader's language from Accept-Language: English when asked for without Vietnamese, else Vietnamese. */
    public static Locale locale(HttpHeaders headers) {
        List<Locale> accepted = headers == null ? List.of() : headers.getAcceptableLanguages();
        return accepted.stream().anyMatch(l -> "en".equals(l.getLanguage()))
                && accepted.stream().noneMatch(l -> "vi".equals(l.getLanguage()))
                ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }

    static Response json(Response.Status status, ErrorDto body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    @Provider
    public static class Validation implements ExceptionMapper<ValidationFailure> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ValidationFailure e) {
            Locale locale = locale(headers);
            List<ErrorDto.Problem> problems = e.problems().stream()
                    .map(p -> new ErrorDto.Problem(p.field(), p.key(), Messages.get(locale, p.key(), p.args())))
                    .toList();
            return json(Response.Status.BAD_REQUEST, new ErrorDto("validation",
                    problems.isEmpty() ? "" : problems.get(0).message(), problems));
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(NotFoundException e) {
            return json(Response.Status.NOT_FOUND, new ErrorDto("not_found",
                    Messages.get(locale(headers), "api.notFound"), List.of()));
        }
    }

    @Provider
    public static class Denied implements ExceptionMapper<AccessDeniedException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(AccessDeniedException e) {
            return json(Response.Status.FORBIDDEN, new ErrorDto("forbidden",
                    Messages.get(locale(headers), "api.forbidden"), List.of()));
        }
    }
}
