package vn.hoctap.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.platform.db.DataSourceConfig;
import vn.hoctap.records.xapi.Formats;
import vn.hoctap.records.xapi.StatementComparison;
import vn.hoctap.records.xapi.XapiException;
import vn.hoctap.records.xapi.XapiVersion;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores statements — from xAPI clients and from the platform's own events alike — and keeps
 * everything derived from them in step, in one transaction: the query keys, voiding, the canonical
 * activity definitions, the known agents and the learning summary.
 *
 * <p>The statements given are already valid (see {@code StatementValidator}). Here the store
 * assigns what is its to assign: id when missing, {@code stored}, {@code timestamp} when missing
 * (= stored), {@code authority} (always the caller's own) and {@code version}. A statement whose
 * id is already stored changes nothing: the same statement again is accepted (a client retrying
 * after a lost answer), a different one is a 409 conflict and the whole batch is refused.
 */
@ApplicationScoped
public class StatementService {

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    StatementStore store;

    @Inject
    ActivityDefinitions definitions;

    @Inject
    AgentDirectory agents;

    @Inject
    LearningProjection projection;

    @Inject
    AttachmentStore attachments;

    @Inject
    StoredClock clock;

    @Inject
    jakarta.enterprise.event.Event<RecordsChanged> changed;

    /**
     * The database refused the batch. {@link #retryable()} when it was a deadlock or a lock wait
     * with another batch (the whole transaction was rolled back and may simply run again).
     */
    public static class StoreFailure extends RuntimeException {
        public StoreFailure(SQLException cause) {
            super("The statements could not be stored", cause);
        }

        public boolean retryable() {
            SQLException e = (SQLException) getCause();
            return e instanceof java.sql.SQLTransactionRollbackException || "40001".equals(e.getSQLState())
                    || e.getErrorCode() == 1213 || e.getErrorCode() == 1205;
        }
    }

    /** Who vouches for statements: an xAPI client, or the platform itself (client null). */
    public record Authority(ObjectNode agent, Long clientId) {
    }

    /** Stores a batch (whole or not at all) and answers the ids, in order. */
    @Transactional
    public List<UUID> store(List<ObjectNode> statements, Authority authority, XapiVersion version,
                            Collection<AttachmentStore.Kept> attachmentsKept) {
        List<UUID> ids = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (ObjectNode s : statements) {
            UUID id = s.hasNonNull("id") ? UUID.fromString(s.get("id").asText()) : UUID.randomUUID();
            if (!seen.add(id)) {
                throw XapiException.badRequest("The batch holds two statements with the id " + id);
            }
            ids.add(id);
        }
        LocalDateTime[] stored = clock.next(statements.size());
        Set<Long> people = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, StatementStore.StoredStatement> existing = store.existing(c, ids);
            List<StatementStore.NewStatement> fresh = new ArrayList<>();
            List<LearningProjection.Item> items = new ArrayList<>();
            List<JsonNode> actors = new ArrayList<>();
            List<Long> persons = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                ObjectNode s = statements.get(i);
                UUID id = ids.get(i);
                StatementStore.StoredStatement before = existing.get(id);
                if (before != null) {
                    if (!StatementComparison.same(before.json(), s)) {
                        throw new XapiException(409, "A different statement with the id " + id + " is already stored");
                    }
                    continue; // the same statement again: nothing changes
                }
                String storedText = Formats.formatTimestamp(stored[i].atOffset(ZoneOffset.UTC));
                s.put("id", id.toString());
                s.put("stored", storedText);
                if (!s.hasNonNull("timestamp")) {
                    s.put("timestamp", storedText);
                }
                s.set("authority", authority.agent());
                if (!s.hasNonNull("version")) {
                    s.put("version", version.statementVersion());
                }
                LocalDateTime timestamp = Formats.parseTimestamp(s.get("timestamp").asText()).orElseThrow()
                        .toLocalDateTime();
                Long person = agents.personOf(s.get("actor"));
                fresh.add(new StatementStore.NewStatement(id, s, stored[i], timestamp, authority.clientId(), person));
                items.add(new LearningProjection.Item(s, person));
                actors.add(s.get("actor"));
                persons.add(person);
            }
            if (fresh.isEmpty()) {
                return ids;
            }
            LocalDateTime now = stored[0];
            StatementStore.Outcome outcome = store.insert(c, fresh);
            definitions.merge(c, fresh.stream().map(StatementStore.NewStatement::body).toList(), now);
            agents.remember(c, actors, persons, now);
            attachments.record(c, attachmentsKept, now);
            projection.apply(c, items);
            projection.rebuild(c, outcome.voidedNow());
            persons.stream().filter(java.util.Objects::nonNull).forEach(people::add);
        } catch (SQLException e) {
            throw new StoreFailure(e);
        }
        if (!people.isEmpty()) {
            changed.fire(new RecordsChanged(people));
        }
        return ids;
    }
}
