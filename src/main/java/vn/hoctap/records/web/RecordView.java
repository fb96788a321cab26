package vn.hoctap.records.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.hoctap.identity.Actor;
import vn.hoctap.identity.CurrentActor;
import vn.hoctap.identity.PeopleService;
import vn.hoctap.identity.PersonRepository;
import vn.hoctap.records.RecordService;
import vn.hoctap.shared.NotFoundException;
import vn.hoctap.shared.Times;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A person's learning record (hồ sơ học tập): {@code /me/record.xhtml} for one's own,
 * {@code /admin/record.xhtml?person=…} for staff who manage the person. A timeline by year,
 * totals, certificates, and the PDF and xAPI downloads.
 */
@Named
@RequestScoped
public class RecordView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    RecordService records;

    @Inject
    CurrentActor currentActor;

    @Inject
    PeopleService people;

    @Inject
    PersonRepository persons;

    private Long person;
    private RecordService.PersonRecord record;

    /** One year of the timeline. */
    public record Year(int year, String hours, List<RecordService.Entry> entries) {
    }

    /** {@code f:viewAction}: the record, or 404 when the reader may not see it. */
    public void load() throws IOException {
        Actor actor = currentActor.require();
        try {
            record = records.record(actor, person == null ? actor.personId() : person);
        } catch (NotFoundException e) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.responseSendError(404, "");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public RecordService.PersonRecord getRecord() {
        return record;
    }

    public boolean isOwn() {
        return record != null && Objects.equals(record.personId(), currentActor.require().personId());
    }

    /** Staff who manage the person may add training done elsewhere. */
    public boolean isCanEnter() {
        return record != null && persons.find(record.personId())
                .map(p -> people.canManage(currentActor.require(), p)).orElse(false);
    }

    public List<Year> getTimeline() {
        Map<Integer, List<RecordService.Entry>> byYear = new LinkedHashMap<>();
        for (RecordService.Entry e : record.entries()) {
            if (!"lesson".equals(e.kind())) {
                byYear.computeIfAbsent(local(e.when()).getYear(), y -> new ArrayList<>()).add(e);
            }
        }
        List<Year> out = new ArrayList<>();
        byYear.forEach((year, entries) -> out.add(new Year(year, record.hoursIn(year), entries)));
        return out;
    }

    public String getThisYearHours() {
        return record.hoursIn(LocalDateTime.now(Times.VIETNAM).getYear());
    }

    /** The widest year, for the bars of the chart (percent of it). */
    public int percentOfBestYear(long minutes) {
        long best = record.minutesByYear().values().stream().mapToLong(Long::longValue).max().orElse(1);
        return best == 0 ? 0 : (int) Math.max(2, Math.round(100.0 * minutes / best));
    }

    public String hours(long minutes) {
        return RecordService.hours(minutes);
    }

    public String date(LocalDateTime utc) {
        return utc == null ? "" : DATE.format(local(utc));
    }

    private static LocalDateTime local(LocalDateTime utc) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(Times.VIETNAM).toLocalDateTime();
    }

    /** The query string that names the person in download links ("" for one's own). */
    public String getPersonQuery() {
        return isOwn() ? "" : "?person=" + record.personId();
    }
}
