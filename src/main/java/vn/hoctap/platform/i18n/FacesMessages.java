package vn.hoctap.platform.i18n;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import vn.hoctap.shared.ValidationFailure;

/** Puts bundle messages on the page, in the reader's language. */
public final class FacesMessages {

    private FacesMessages() {
    }

    public static void error(String key, Object... args) {
        add(FacesMessage.SEVERITY_ERROR, null, key, args);
    }

    public static void info(String key, Object... args) {
        add(FacesMessage.SEVERITY_INFO, null, key, args);
    }

    /** Every problem of a failed validation, each on its field when the page names one. */
    public static void problems(ValidationFailure failure) {
        for (ValidationFailure.Problem p : failure.problems()) {
            add(FacesMessage.SEVERITY_ERROR, null, p.key(), p.args());
        }
    }

    public static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return Messages.get(faces.getViewRoot().getLocale(), key, args);
    }

    private static void add(FacesMessage.Severity severity, String clientId, String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = Messages.get(faces.getViewRoot().getLocale(), key, args);
        faces.addMessage(clientId, new FacesMessage(severity, text, null));
    }

    /** Keeps the messages over the redirect that follows (they travel in the flash scope). */
    public static void keepOverRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
