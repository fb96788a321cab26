package vn.hoctap.identity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import vn.hoctap.identity.AccessPolicy;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.audit.AuditEntry;
import vn.hoctap.platform.audit.AuditService;
import vn.hoctap.shared.Times;

import java.io.Serializable;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The audit log for administrators (of their part of the tree): newest first, filtered in the database, each change shown as
 * the fields that differ before and after. ({@code ?target=<person id>} opens one person's history.)
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditService audit;

    @Inject
    CurrentActor currentActor;

    private String actor;
    private String action;
    private String target;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<AuditEntry> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) audit.search(query(), 0, 1).total();
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return audit.search(query(), first, pageSize).items();
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return entry.getId().toString();
        }

        @Override
        public AuditEntry getRowData(String rowKey) {
            return getWrappedData() == null ? null : getWrappedData().stream()
                    .filter(e -> e.getId().toString().equals(rowKey)).findFirst().orElse(null);
        }
    };

    private AuditService.AuditQuery query() {
        Actor me = currentActor.require();
        List<String> scopes = AccessPolicy.isProvinceAdmin(me) ? null : me.grants().stream()
                .filter(g -> g.role() == Role.ADMIN).map(Actor.Grant::scopePath).toList();
        return new AuditService.AuditQuery(blank(actor), blank(action), target == null ? null : "person", blank(target),
                from == null ? null : from.atStartOfDay(Times.VIETNAM).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(Times.VIETNAM).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime(),
                scopes);
    }

    /** The fields of an entry that changed, as rows of (field, before, after). */
    public List<String[]> changes(AuditEntry entry) {
        JsonObject before = parse(entry.getBeforeJson());
        JsonObject after = parse(entry.getAfterJson());
        Set<String> keys = new LinkedHashSet<>();
        if (before != null) {
            keys.addAll(before.keySet());
        }
        if (after != null) {
            keys.addAll(after.keySet());
        }
        List<String[]> rows = new ArrayList<>();
        for (String key : keys) {
            String b = text(before, key);
            String a = text(after, key);
            if (!Objects.equals(a, b)) {
                rows.add(new String[] {key, b, a});
            }
        }
        return rows;
    }

    public String when(AuditEntry entry) {
        return Times.display(entry.getAt());
    }

    private static JsonObject parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String text(JsonObject o, String key) {
        if (o == null || !o.containsKey(key) || o.isNull(key)) {
            return "";
        }
        JsonValue v = o.get(key);
        return v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : v.toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public List<String> getActions() {
        return audit.actions();
    }

    public LazyDataModel<AuditEntry> getModel() {
        return model;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
