package vn.hoctap.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.hoctap.identity.AccountService;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.identity.Person;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.platform.security.LoginThrottle;
import vn.hoctap.platform.security.ThrottlePolicy;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** A resident registers with a phone number and is signed in straight away. */
@Named
@RequestScoped
public class RegisterView {

    /** At most 10 registrations an hour from one address, against scripted sign-ups. */
    private static final ThrottlePolicy REGISTRATIONS =
            new ThrottlePolicy(10, Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofHours(1));

    @Inject
    AccountService accounts;

    @Inject
    OrganisationService organisation;

    @Inject
    SecurityContext security;

    @Inject
    LoginThrottle throttle;

    private String fullName;
    private String phone;
    private String email;
    private Long homeUnitId;
    private String password;
    private String passwordAgain;
    private List<OrgUnit> localities;

    public List<OrgUnit> getLocalities() {
        if (localities == null) {
            localities = organisation.localities();
        }
        return localities;
    }

    public void register() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String key = "register:" + request.getRemoteAddr();
        if (!throttle.lockedFor(key).isZero()) {
            FacesMessages.error("register.error.tooMany");
            return;
        }
        if (password == null || !password.equals(passwordAgain)) {
            FacesMessages.error("password.mismatch");
            return;
        }
        Person person;
        try {
            person = accounts.registerResident(fullName, phone, email, password, homeUnitId);
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
            return;
        }
        throttle.failure(key, REGISTRATIONS); // counts registrations, not failures
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(person.getUsername(), new Password(password)))
                        .newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            FacesMessages.info("register.welcome", person.getFullName());
            FacesMessages.keepOverRedirect();
            external.redirect(external.getRequestContextPath() + "/me/");
        } else {
            external.redirect(external.getRequestContextPath() + "/login.xhtml");
        }
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Long getHomeUnitId() {
        return homeUnitId;
    }

    public void setHomeUnitId(Long homeUnitId) {
        this.homeUnitId = homeUnitId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordAgain() {
        return passwordAgain;
    }

    public void setPasswordAgain(String passwordAgain) {
        this.passwordAgain = passwordAgain;
    }
}
