package vn.hoctap.library.api;

import jakarta.ws.rs.core.HttpHeaders;
import vn.hoctap.library.ingest.UploadService;
import vn.hoctap.platform.i18n.Messages;

import java.util.Locale;

/**
 * An upload as the client sees it: {@code status} OPEN (send more), COMPLETE (kept, or already in
 * the library: {@code duplicate}) or REFUSED; {@code message} says it in the reader's language.
 */
public record UploadDto(String id, String fileName, long size, long received, int chunkSize, String status,
                        String outcome, String message, Long materialId, boolean duplicate) {

    static UploadDto of(UploadService.Session s, HttpHeaders headers) {
        Locale locale = headers != null && headers.getAcceptableLanguages().stream()
                .anyMatch(l -> "en".equals(l.getLanguage())) ? Locale.ENGLISH : Locale.forLanguageTag("vi");
        String message = null;
        if (s.resultKey() != null) {
            Object[] args = s.resultArgs() == null ? new Object[0] : (Object[]) s.resultArgs().split("\u001f");
            message = Messages.get(locale, s.resultKey(), args);
        }
        return new UploadDto(s.id(), s.fileName(), s.size(), s.received(), UploadResource.CHUNK, s.status(),
                s.resultKey(), message, s.resultMaterialId(), "library.upload.duplicate".equals(s.resultKey()));
    }
}
