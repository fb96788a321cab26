package vn.hoctap.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.hoctap.identity.Person;
import vn.hoctap.identity.PersonRepository;
import vn.hoctap.platform.web.PublicUrl;
import vn.hoctap.records.xapi.Formats;
import vn.hoctap.records.xapi.StatementValidator;
import vn.hoctap.records.xapi.XapiJson;
import vn.hoctap.records.xapi.XapiVersion;
import vn.hoctap.shared.NotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one way the platform's features write into the learning record: a {@link LearningEvent}
 * becomes an xAPI statement (actor from the person's account, verbs from the ADL vocabulary or
 * ours, activities with stable IRIs under the platform's address), stored in the caller's
 * transaction — so a lesson marked done and its statement are committed together, and the
 * summary the pages read is up to date when the transaction ends.
 */
@ApplicationScoped
public class LearningRecords {

    private static final Map<String, String[]> VERB_NAMES = Map.of(
            Vocabulary.ATTEMPTED, new String[]{"đã bắt đầu", "attempted"},
            Vocabulary.ATTENDED, new String[]{"đã tham dự", "attended"},
            Vocabulary.COMPLETED, new String[]{"đã hoàn thành", "completed"},
            Vocabulary.EXPERIENCED, new String[]{"đã học", "experienced"},
            Vocabulary.PASSED, new String[]{"đã đạt", "passed"},
            Vocabulary.REGISTERED, new String[]{"đã đăng ký", "registered"},
            Vocabulary.FAILED, new String[]{"chưa đạt", "failed"},
            Vocabulary.EARNED, new String[]{"đã được cấp", "earned"});

    @Inject
    StatementService statements;

    @Inject
    XapiClients clients;

    @Inject
    PersonRepository people;

    @Inject
    PublicUrl publicUrl;

    @Inject
    AttachmentStore attachmentStore;

    /** The Agent that stands for a person in statements. */
    public ObjectNode agent(Person person) {
        ObjectNode agent = XapiJson.object();
        agent.put("objectType", "Agent");
        agent.put("name", person.getFullName());
        ObjectNode account = agent.putObject("account");
        account.put("homePage", publicUrl.base());
        account.put("name", person.getId().toString());
        return agent;
    }

    /** An IRI for an activity of the platform, e.g. {@code activity("courses/ky-nang-so")}. */
    public String activity(String path) {
        return publicUrl.of("/xapi/activities/" + path);
    }

    /** The key under which the learning summary keeps rows about an activity (see {@code learning_summary.activity}). */
    public static byte[] activityKey(String iri) {
        return vn.hoctap.records.xapi.Ifi.hash(iri);
    }

    /** Stores the event as a statement and answers its id. */
    @Transactional
    public UUID record(LearningEvent event) {
        Person person = people.find(event.personId).orElseThrow(() -> new NotFoundException("person " + event.personId));
        ObjectNode s = XapiJson.object();
        UUID id = event.id != null ? event.id : UUID.randomUUID();
        s.put("id", id.toString());
        s.set("actor", agent(person));
        ObjectNode verb = s.putObject("verb");
        verb.put("id", event.verb);
        String[] names = VERB_NAMES.get(event.verb);
        if (names != null) {
            verb.putObject("display").put("vi", names[0]).put("en", names[1]);
        }
        ObjectNode object = s.putObject("object");
        object.put("objectType", "Activity");
        object.put("id", event.activityIri);
        ObjectNode definition = XapiJson.object();
        if (!event.name.isEmpty()) {
            ObjectNode name = definition.putObject("name");
            event.name.forEach(name::put);
        }
        if (!event.description.isEmpty()) {
            ObjectNode description = definition.putObject("description");
            event.description.forEach(description::put);
        }
        if (event.activityType != null) {
            definition.put("type", event.activityType);
        }
        if (!definition.isEmpty()) {
            object.set("definition", definition);
        }
        ObjectNode result = result(event);
        if (!result.isEmpty()) {
            s.set("result", result);
        }
        s.set("context", context(event));
        if (event.timestamp != null) {
            s.put("timestamp", Formats.formatTimestamp(event.timestamp.withOffsetSameInstant(ZoneOffset.UTC)));
        }
        List<AttachmentStore.Part> parts = new ArrayList<>();
        if (!event.attachments.isEmpty()) {
            ArrayNode attachments = s.putArray("attachments");
            for (LearningEvent.Attachment a : event.attachments) {
                String sha256 = sha256(a.file());
                ObjectNode node = attachments.addObject();
                node.put("usageType", a.usageType());
                node.putObject("display").put("vi", a.displayVi());
                node.put("contentType", a.contentType());
                node.put("length", size(a.file()));
                node.put("sha2", sha256);
                parts.add(new AttachmentStore.Part(sha256, a.contentType(), copy(a.file())));
            }
        }
        new StatementValidator(XapiVersion.V2_0_0).validate(s);
        try {
            statements.store(List.of(s), new StatementService.Authority(clients.platformAuthority(), null),
                    XapiVersion.V2_0_0, attachmentStore.keep(parts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private static ObjectNode result(LearningEvent e) {
        ObjectNode result = XapiJson.object();
        if (e.scaled != null || e.raw != null) {
            ObjectNode score = result.putObject("score");
            if (e.scaled != null) {
                score.put("scaled", e.scaled);
            }
            if (e.raw != null) {
                score.put("raw", e.raw).put("min", e.min).put("max", e.max);
            }
        }
        if (e.success != null) {
            result.put("success", e.success);
        }
        if (e.completion != null) {
            result.put("completion", e.completion);
        }
        if (e.response != null) {
            result.put("response", e.response);
        }
        if (e.duration != null) {
            result.put("duration", e.duration.toString());
        }
        if (e.creditedMinutes != null) {
            result.putObject("extensions").put(Vocabulary.CREDITED_MINUTES, e.creditedMinutes);
        }
        return result;
    }

    private ObjectNode context(LearningEvent e) {
        ObjectNode context = XapiJson.object();
        if (e.registration != null) {
            context.put("registration", e.registration.toString());
        }
        if (e.parentIri != null) {
            context.putObject("contextActivities").putArray("parent").addObject().put("id", e.parentIri);
        }
        context.put("platform", "hoctap");
        context.put("language", "vi");
        ObjectNode extensions = XapiJson.object();
        if (e.topic != null && !e.topic.isBlank()) {
            extensions.put(Vocabulary.TOPIC, e.topic);
        }
        if (e.provider != null && !e.provider.isBlank()) {
            extensions.put(Vocabulary.PROVIDER, e.provider);
        }
        if (e.enteredBy != null) {
            extensions.put(Vocabulary.ENTERED_BY, e.enteredBy);
        }
        if (!extensions.isEmpty()) {
            context.set("extensions", extensions);
        }
        return context;
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blob store moves what it is given: keep the caller's file. */
    private static Path copy(Path file) {
        try {
            Path copy = Files.createTempFile("record-attachment", ".bin");
            Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
