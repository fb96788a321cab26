package vn.hoctap.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.hoctap.platform.db.DataSourceConfig;
import vn.hoctap.platform.web.PublicUrl;
import vn.hoctap.records.xapi.Ifi;
import vn.hoctap.records.xapi.XapiJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who the agents in statements are: which platform person an actor stands for, and the names and
 * identifiers known for an agent (the Person object of {@code GET /xapi/agents}).
 *
 * <p>A person is recognised by the account the platform gives them in statements ({@code
 * homePage} = the platform's address, {@code name} = the person's id, see {@link Vocabulary}) or
 * by an {@code mbox} with their e-mail address when exactly one person has it. External content
 * that identifies learners either way lands in the same lifelong record.
 */
@ApplicationScoped
public class AgentDirectory {

    private static final int CACHE_LIMIT = 50_000;

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    PublicUrl publicUrl;

    /** Agents already written with this name (and person), so a busy learner costs no extra write. */
    private final Map<String, String> written = new ConcurrentHashMap<>();
    private final Map<String, Optional<Long>> byEmail = new ConcurrentHashMap<>();

    /** The platform person an actor stands for, if any. */
    public Long personOf(JsonNode actor) {
        JsonNode account = actor.path("account");
        if (account.isObject() && sameHome(account.path("homePage").asText())) {
            String name = account.path("name").asText();
            return name.matches("\\d{1,18}") ? Long.valueOf(name) : null;
        }
        String mbox = actor.path("mbox").asText(null);
        if (mbox != null && mbox.regionMatches(true, 0, "mailto:", 0, 7)) {
            String email = mbox.substring(7);
            if (byEmail.size() > CACHE_LIMIT) {
                byEmail.clear();
            }
            return byEmail.computeIfAbsent(email.toLowerCase(), this::personByEmail).orElse(null);
        }
        return null;
    }

    private boolean sameHome(String homePage) {
        String base = publicUrl.base();
        return homePage.equals(base) || homePage.equals(base + "/");
    }

    private Optional<Long> personByEmail(String email) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM person WHERE email = ? LIMIT 2")) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records the actors of new statements (identifier, name, person). */
    public void remember(Connection c, List<JsonNode> actors, List<Long> persons, LocalDateTime now) throws SQLException {
        if (written.size() > CACHE_LIMIT) {
            written.clear();
        }
        List<Object[]> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < actors.size(); i++) {
            JsonNode actor = actors.get(i);
            Optional<String> ifi = Ifi.of(actor);
            if (ifi.isEmpty() || !seen.add(ifi.get())) {
                continue;
            }
            String name = actor.path("name").asText(null);
            String signature = name + "|" + persons.get(i);
            if (signature.equals(written.get(ifi.get()))) {
                continue;
            }
            ObjectNode identity = XapiJson.object();
            for (String key : new String[]{"mbox", "mbox_sha1sum", "openid", "account"}) {
                if (actor.has(key)) {
                    identity.set(key, actor.get(key));
                }
            }
            rows.add(new Object[]{Ifi.hash(ifi.get()), ifi.get(), XapiJson.write(identity), name, persons.get(i), signature});
        }
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(java.util.Comparator.comparing(r -> java.util.HexFormat.of().formatHex((byte[]) r[0])));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xapi_agent (hash, ifi, agent, name, person_id, updated) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = COALESCE(VALUES(name), name), "
                + "person_id = COALESCE(VALUES(person_id), person_id), updated = VALUES(updated)")) {
            for (Object[] r : rows) {
                ps.setBytes(1, (byte[]) r[0]);
                ps.setString(2, (String) r[1]);
                ps.setString(3, (String) r[2]);
                ps.setString(4, (String) r[3]);
                if (r[4] == null) {
                    ps.setNull(5, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(5, (Long) r[4]);
                }
                ps.setObject(6, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        rows.forEach(r -> written.put((String) r[1], (String) r[5]));
    }

    /** The Person object for an agent: its identifier as asked, and every name seen with it. */
    public ObjectNode person(JsonNode agent) {
        ObjectNode person = XapiJson.object();
        person.put("objectType", "Person");
        Set<String> names = new LinkedHashSet<>();
        if (agent.hasNonNull("name")) {
            names.add(agent.get("name").asText());
        }
        Ifi.of(agent).ifPresent(ifi -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT name FROM xapi_agent WHERE hash = ?")) {
                ps.setBytes(1, Ifi.hash(ifi));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) {
                        names.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        if (!names.isEmpty()) {
            names.forEach(person.putArray("name")::add);
        }
        for (String key : new String[]{"mbox", "mbox_sha1sum", "openid", "account"}) {
            if (agent.has(key)) {
                person.putArray(key).add(agent.get(key));
            }
        }
        return person;
    }
}
