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
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.platform.security.AppAuthenticationMechanism;
import vn.hoctap.platform.security.SignInFailure;

import java.io.IOException;

/**
 * Sign-in with a username or phone number. The page is a stateless view: no session exists
 * before someone has actually signed in.
 */
@Named
@RequestScoped
public class SignInView {

    @Inject
    SecurityContext security;

    private String login;
    private String password;
    private String next;

    @jakarta.annotation.PostConstruct
    void readTarget() {
        // On the first GET it is the query parameter; on the POST, the hidden field of the same name.
        next = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("next");
    }

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(login == null ? "" : login.trim(),
                                new Password(password == null ? "" : password)))
                        .newAuthentication(true));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath()
                    + (AppAuthenticationMechanism.isLocalTarget(next) ? next : "/me/"));
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                SignInFailure failure = (SignInFailure) request.getAttribute(SignInFailure.ATTRIBUTE);
                if (failure != null && failure.reason() == SignInFailure.Reason.THROTTLED) {
                    FacesMessages.error("signIn.throttled", Math.max(1, (failure.retryAfter().toSeconds() + 59) / 60));
                } else {
                    FacesMessages.error("signIn.invalid");
                }
                password = null;
            }
        }
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
