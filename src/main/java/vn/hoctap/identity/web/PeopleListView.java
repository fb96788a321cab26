package vn.hoctap.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import vn.hoctap.identity.AccountType;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.OrgUnit;
import vn.hoctap.identity.OrganisationService;
import vn.hoctap.identity.PeopleQuery;
import vn.hoctap.identity.PeopleService;
import vn.hoctap.identity.Person;
import vn.hoctap.identity.Role;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The people an officer manages: paged, sorted and filtered in the database (the list stays fast
 * with a hundred thousand accounts), and never showing anyone outside the officer's scope.
 */
@Named
@ViewScoped
public class PeopleListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PeopleService people;

    @Inject
    OrganisationService organisation;

    @Inject
    CurrentActor currentActor;

    private String text;
    private OrgUnit unit;
    private Role role;
    private AccountType type;
    private String status = "";

    private final LazyDataModel<Person> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) people.count(currentActor.require(), query(null));
        }

        @Override
        public List<Person> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return people.page(currentActor.require(), query(sortBy), first, pageSize);
        }

        @Override
        public String getRowKey(Person person) {
            return person.getId().toString();
        }

        @Override
        public Person getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(p -> p.getId().toString().equals(rowKey)).findFirst().orElse(null);
        }
    };

    private PeopleQuery query(Map<String, SortMeta> sortBy) {
        PeopleQuery.Sort sort = PeopleQuery.Sort.NAME;
        if (sortBy != null && !sortBy.isEmpty()) {
            SortMeta meta = sortBy.values().iterator().next();
            boolean descending = meta.getOrder() == SortOrder.DESCENDING;
            sort = switch (meta.getField()) {
                case "username" -> PeopleQuery.Sort.USERNAME;
                case "createdAt" -> PeopleQuery.Sort.NEWEST;
                default -> descending ? PeopleQuery.Sort.NAME_DESC : PeopleQuery.Sort.NAME;
            };
        }
        Boolean enabled = switch (status == null ? "" : status) {
            case "enabled" -> Boolean.TRUE;
            case "disabled" -> Boolean.FALSE;
            default -> null;
        };
        return new PeopleQuery(text, unit == null ? null : unit.getPath(), role, type, enabled, sort);
    }

    public List<OrgUnit> completeUnit(String typed) {
        return organisation.searchUnits(typed, null, 20);
    }

    public LazyDataModel<Person> getModel() {
        return model;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public AccountType[] getTypes() {
        return AccountType.values();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public void setUnit(OrgUnit unit) {
        this.unit = unit;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public AccountType getType() {
        return type;
    }

    public void setType(AccountType type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
