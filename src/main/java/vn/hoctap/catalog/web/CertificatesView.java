package vn.hoctap.catalog.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.catalog.Certificate;
import vn.hoctap.catalog.CertificateService;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.Times;

import java.io.Serializable;
import java.util.List;

/** Administrators find certificates by code or name and revoke one, with a reason ({@code /admin/certificates.xhtml}). */
@Named
@ViewScoped
public class CertificatesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CertificateService certificates;

    @Inject
    CurrentActor currentActor;

    private String q;
    private String reason;
    private List<Certificate> list;

    public void load() {
        list = certificates.recent(q, 200);
    }

    public void search() {
        load();
    }

    public void revoke(String code) {
        certificates.revoke(currentActor.require(), code, reason == null || reason.isBlank() ? null : reason.strip());
        FacesMessages.info("certificates.revoked", code);
        reason = null;
        load();
    }

    public String date(java.time.LocalDateTime utc) {
        return Times.display(utc);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public List<Certificate> getList() {
        return list;
    }
}
