package vn.hoctap.catalog.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.hoctap.catalog.Certificate;
import vn.hoctap.catalog.CertificateService;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.shared.NotFoundException;

import java.time.LocalDateTime;

/**
 * {@code /api/certificates/{code}}: whether a certificate is valid (what the public page shows) and,
 * for administrators, revocation.
 */
@Path("certificates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "courses")
public class CertificateResource {

    @Inject
    CertificateService certificates;

    @Inject
    CurrentActor currentActor;

    public record VerificationDto(String code, boolean valid, String personName, String courseTitle, LocalDateTime issuedAt,
                                  LocalDateTime revokedAt) {
        static VerificationDto of(Certificate c) {
            return new VerificationDto(c.code(), !c.isRevoked(), c.personName(), c.courseTitle(), c.issuedAt(), c.revokedAt());
        }
    }

    public record RevokeRequest(String reason) {
    }

    @GET
    @Path("{code}")
    @Operation(summary = "A certificate's verification: valid or revoked, with name, course and date only")
    public VerificationDto get(@PathParam("code") String code) {
        return VerificationDto.of(certificates.find(code).orElseThrow(() -> new NotFoundException("certificate " + code)));
    }

    @POST
    @Path("{code}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revokes a certificate (administrators)")
    public VerificationDto revoke(@PathParam("code") String code, RevokeRequest request) {
        return VerificationDto.of(certificates.revoke(currentActor.require(), code, request == null ? null : request.reason()));
    }
}
