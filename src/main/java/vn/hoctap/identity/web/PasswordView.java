package vn.hoctap.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.AccountService;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.shared.ValidationFailure;

import java.io.IOException;

/** Changing one's own password (and choosing the first one after a one-time password). */
@Named
@RequestScoped
public class PasswordView {

    @Inject
    AccountService accounts;

    @Inject
    CurrentActor currentActor;

    private String current;
    private String chosen;
    private String chosenAgain;

    public void change() throws IOException {
        if (chosen == null || !chosen.equals(chosenAgain)) {
            FacesMessages.error("password.mismatch");
            return;
        }
        try {
            accounts.changePassword(currentActor.require().username(), current, chosen);
        } catch (ValidationFailure e) {
            FacesMessages.problems(e);
            return;
        }
        FacesMessages.info("password.changed");
        FacesMessages.keepOverRedirect();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/me/");
    }

    public boolean isFirstTime() {
        return currentActor.isPasswordChangeRequired();
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getChosen() {
        return chosen;
    }

    public void setChosen(String chosen) {
        this.chosen = chosen;
    }

    public String getChosenAgain() {
        return chosenAgain;
    }

    public void setChosenAgain(String chosenAgain) {
        this.chosenAgain = chosenAgain;
    }
}
