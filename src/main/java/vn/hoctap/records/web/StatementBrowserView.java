package vn.hoctap.records.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.PersonRepository;
import vn.hoctap.identity.Role;
import vn.hoctap.platform.i18n.FacesMessages;
import vn.hoctap.records.LearningRecords;
import vn.hoctap.records.StatementStore;
import vn.hoctap.records.xapi.Formats;
import vn.hoctap.records.xapi.Ifi;
import vn.hoctap.records.xapi.StatementKeys;
import vn.hoctap.records.xapi.XapiException;
import vn.hoctap.records.xapi.XapiJson;
import vn.hoctap.shared.Times;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For administrators troubleshooting content or an integration: the raw statements, newest first,
 * filtered like the xAPI query (a person by username or e-mail, verb, activity, registration,
 * dates), each with its JSON. {@code /admin/statements.xhtml}; the filters are in the address, so a
 * view can be shared.
 */
@Named
@RequestScoped
public class StatementBrowserView {

    static final int PAGE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    @Inject
    StatementStore store;

    @Inject
    CurrentActor currentActor;

    @Inject
    PersonRepository people;

    @Inject
    LearningRecords records;

    private String agent;
    private String verb;
    private String activity;
    private String registration;
    private LocalDate from;
    private LocalDate to;
    private boolean related;
    private Long before;
    private final List<Row> rows = new ArrayList<>();
    private Long next;

    /** A statement as the table shows it. */
    public record Row(String id, String stored, String actor, String verb, String object, boolean voided, String json) {
    }

    public void load() throws IOException {
        Actor actor = currentActor.require();
        if (!actor.has(Role.ADMIN)) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(403, "");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        List<StatementKeys.Key> keys = new ArrayList<>();
        try {
            if (notBlank(agent)) {
                Optional<String> ifi = identity(agent.trim());
                if (ifi.isEmpty()) {
                    FacesMessages.error("xapi.browser.agentUnknown", agent);
                    return;
                }
                keys.add(new StatementKeys.Key(related ? StatementKeys.RELATED_AGENT : StatementKeys.AGENT, ifi.get()));
            }
            if (notBlank(verb)) {
                keys.add(new StatementKeys.Key(StatementKeys.VERB, iri(verb)));
            }
            if (notBlank(activity)) {
                keys.add(new StatementKeys.Key(related ? StatementKeys.RELATED_ACTIVITY : StatementKeys.ACTIVITY, iri(activity)));
            }
            if (notBlank(registration)) {
                if (!Formats.isUuid(registration.trim())) {
                    FacesMessages.error("xapi.browser.registrationInvalid");
                    return;
                }
                keys.add(new StatementKeys.Key(StatementKeys.REGISTRATION, registration.trim().toLowerCase()));
            }
        } catch (XapiException e) {
            FacesMessages.error("xapi.browser.iriInvalid");
            return;
        }
        LocalDateTime since = from == null ? null : utc(from.atStartOfDay());
        LocalDateTime until = to == null ? null : utc(to.plusDays(1).atStartOfDay());
        List<StatementStore.StoredStatement> found = store.query(new StatementStore.Query(keys, since, until, false,
                before, null, PAGE));
        for (int i = 0; i < Math.min(PAGE, found.size()); i++) {
            rows.add(row(found.get(i)));
        }
        next = found.size() > PAGE ? found.get(PAGE - 1).seq() : null;
    }

    /** A person by username (their platform account), an e-mail address, or an Agent in JSON. */
    private Optional<String> identity(String text) {
        if (text.startsWith("{")) {
            try {
                return Ifi.of(XapiJson.parseParameter("agent", text));
            } catch (XapiException e) {
                return Optional.empty();
            }
        }
        if (text.contains("@")) {
            return Ifi.of(XapiJson.object().put("mbox", text.startsWith("mailto:") ? text : "mailto:" + text));
        }
        return people.findByLogin(text).flatMap(p -> Ifi.of(records.agent(p)));
    }

    private static String iri(String value) {
        String v = value.trim();
        if (!Formats.isIri(v)) {
            throw XapiException.badRequest("not an IRI");
        }
        return v;
    }

    private Row row(StatementStore.StoredStatement s) {
        JsonNode json = s.json();
        JsonNode actor = json.path("actor");
        String actorText = actor.hasNonNull("name") ? actor.get("name").asText() : Ifi.of(actor).orElse("(group)");
        String verbId = json.path("verb").path("id").asText();
        JsonNode display = json.path("verb").path("display");
        String verbText = display.hasNonNull("vi") ? display.get("vi").asText()
                : display.size() > 0 ? display.elements().next().asText() : verbId.substring(verbId.lastIndexOf('/') + 1);
        JsonNode object = json.path("object");
        JsonNode name = object.path("definition").path("name");
        String objectText = name.hasNonNull("vi") ? name.get("vi").asText() : name.size() > 0
                ? name.elements().next().asText() : object.path("id").asText(object.path("objectType").asText());
        String pretty;
        try {
            pretty = XapiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (IOException e) {
            pretty = s.body();
        }
        return new Row(s.id().toString(), TIME.format(s.stored().atOffset(ZoneOffset.UTC).atZoneSameInstant(Times.VIETNAM)),
                actorText, verbText, objectText, s.voided(), pretty);
    }

    private static LocalDateTime utc(LocalDateTime vietnam) {
        return vietnam.atZone(Times.VIETNAM).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** The address of the next (older) page, with the same filters. */
    public String getNextQuery() {
        StringBuilder q = new StringBuilder("?before=").append(next);
        append(q, "agent", agent);
        append(q, "verb", verb);
        append(q, "activity", activity);
        append(q, "registration", registration);
        append(q, "from", from == null ? null : from.toString());
        append(q, "to", to == null ? null : to.toString());
        if (related) {
            q.append("&related=true");
        }
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (notBlank(value)) {
            q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public Long getNext() {
        return next;
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }

    public String getVerb() {
        return verb;
    }

    public void setVerb(String verb) {
        this.verb = verb;
    }

    public String getActivity() {
        return activity;
    }

    public void setActivity(String activity) {
        this.activity = activity;
    }

    public String getRegistration() {
        return registration;
    }

    public void setRegistration(String registration) {
        this.registration = registration;
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

    public boolean isRelated() {
        return related;
    }

    public void setRelated(boolean related) {
        this.related = related;
    }

    public Long getBefore() {
        return before;
    }

    public void setBefore(Long before) {
        this.before = before;
    }
}
