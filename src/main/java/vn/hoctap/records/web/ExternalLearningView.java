package vn.hoctap.records.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.PeopleService;
import vn.hoctap.identity.Person;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.records.RecordService;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/**
 * Staff add training a person did elsewhere (a course at another institution) to their record,
 * with the hours and, if they have it, the certificate (PDF, JPEG or PNG). The entry is marked
 * as entered by staff. {@code /admin/external-learning.xhtml?person=…}.
 */
@Named
@ViewScoped
public class ExternalLearningView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final long MAX_CERTIFICATE_BYTES = 10L << 20;

    @Inject
    RecordService records;

    @Inject
    PeopleService people;

    @Inject
    CurrentActor currentActor;

    private Long person;
    private String fullName;
    private String title;
    private String provider;
    private LocalDate completedOn;
    private BigDecimal hours;
    private String topic;
    private transient Part certificate;

    public void load() throws IOException {
        try {
            Person p = people.get(currentActor.require(), person == null ? -1 : person);
            fullName = p.getFullName();
        } catch (NotFoundException e) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public String save() throws IOException {
        Path file = null;
        try {
            RecordService.CertificateFile certificateFile = null;
            if (certificate != null && certificate.getSize() > 0) {
                if (certificate.getSize() > MAX_CERTIFICATE_BYTES) {
                    FacesMessages.error("records.external.certificateTooLarge");
                    return null;
                }
                file = Files.createTempFile("certificate", ".upload");
                try (InputStream in = certificate.getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                String type = certificateType(file);
                if (type == null) {
                    FacesMessages.error("records.external.certificateType");
                    return null;
                }
                certificateFile = new RecordService.CertificateFile(file, type);
            }
            records.enterExternal(currentActor.require(), person,
                    new RecordService.ExternalTraining(title, provider, completedOn, hours, topic), certificateFile);
            FacesMessages.info("records.external.saved", title);
            FacesMessages.keepOverRedirect();
            return "/admin/record.xhtml?faces-redirect=true&person=" + person;
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
            return null;
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** PDF, JPEG or PNG by their first bytes (never by the name); null for anything else. */
    static String certificateType(Path file) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            return "application/pdf";
        }
        if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "image/png";
        }
        return null;
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public String getFullName() {
        return fullName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public void setCompletedOn(LocalDate completedOn) {
        this.completedOn = completedOn;
    }

    public BigDecimal getHours() {
        return hours;
    }

    public void setHours(BigDecimal hours) {
        this.hours = hours;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public Part getCertificate() {
        return certificate;
    }

    public void setCertificate(Part certificate) {
        this.certificate = certificate;
    }

    public String getToday() {
        return LocalDate.now(vn.hoctap.shared.Times.VIETNAM).toString();
    }
}
