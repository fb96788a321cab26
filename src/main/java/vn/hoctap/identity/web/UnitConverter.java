package vn.hoctap.identity.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.shared.NotFoundException;

/** Units in pickers travel as their ids: {@code converter="#{unitConverter}"}. */
@Named
@ApplicationScoped
public class UnitConverter implements Converter<OrgUnit> {

    @Inject
    OrganisationService organisation;

    @Override
    public OrgUnit getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return organisation.get(Long.parseLong(value));
        } catch (NumberFormatException | NotFoundException e) {
            return null;
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, OrgUnit value) {
        return value == null || value.getId() == null ? "" : value.getId().toString();
    }
}
