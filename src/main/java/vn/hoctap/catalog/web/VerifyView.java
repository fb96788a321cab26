package vn.hoctap.catalog.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.catalog.Certificate;
import vn.hoctap.catalog.CertificateService;
import vn.hoctap.shared.Times;

/**
 * The public verification page ({@code /verify/{code}}, also a form for a code read off paper):
 * valid or revoked, with nothing beyond the name, the course and the date.
 */
@Named
@RequestScoped
public class VerifyView {

    @Inject
    CertificateService certificates;

    private String code;
    private Certificate certificate;
    private boolean looked;

    public void load() {
        if (code != null && !code.isBlank()) {
            looked = true;
            certificate = certificates.find(code).orElse(null);
        }
    }

    public String getIssued() {
        return Times.display(certificate.issuedAt()).substring(0, 10);
    }

    public String getRevoked() {
        return certificate.revokedAt() == null ? "" : Times.display(certificate.revokedAt()).substring(0, 10);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? null : CertificateService.normalise(code);
    }

    public Certificate getCertificate() {
        return certificate;
    }

    public boolean isLooked() {
        return looked;
    }
}
