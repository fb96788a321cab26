package vn.hoctap.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.staffimport.ImportPlan;
import vn.hoctap.platform.i18n.LocaleSelection;
import vn.hoctap.platform.i18n.Messages;

/** An import problem in the reader's language: {@code #{problemText.of(problem)}}. */
@Named
@RequestScoped
public class ProblemText {

    @Inject
    LocaleSelection locale;

    public String of(ImportPlan.Problem problem) {
        return Messages.get(locale.getLocale(), problem.key(), problem.args());
    }
}
